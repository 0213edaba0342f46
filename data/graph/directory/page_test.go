package directory

import (
	"testing"

	"nimbusadmin/data"
)

func TestDecodeRefusesWhatIsNotAPage(t *testing.T) {
	for _, body := range []string{`{"value":[{"id":"a"}`, `{"error":{"code":"x"}}`, `[]`} {
		if _, err := DecodeUserPage([]byte(body)); err == nil {
			t.Errorf("DecodeUserPage(%s) accepted it", body)
		}
		if _, err := DecodePage[Member]([]byte(body), "members"); err == nil {
			t.Errorf("DecodePage(%s) accepted it", body)
		}
	}
}

func TestDecodeKeepsEscapedAndUnicodeText(t *testing.T) {
	p, err := DecodeUserPage([]byte(`{"value":[{"id":"e","displayName":"O\"Brien \\ Ünal","surname":"\u00e9t\u00e9","givenName":"Zoë","accountEnabled":false}]}`))
	if err != nil {
		t.Fatal(err)
	}
	u := p.Users[0]
	if u.DisplayName.Value != `O"Brien \ Ünal` || u.Surname.Value != "été" || u.GivenName.Value != "Zoë" ||
		!u.AccountEnabled.Set || u.AccountEnabled.Value {
		t.Fatalf("decoded %+v", u)
	}
}

func TestScanNextLinkFindsOnlyTheTopLevelKey(t *testing.T) {
	for body, want := range map[string]string{
		`{"@odata.nextLink":"https://g/x?$skiptoken=a\u0026b","value":[]}`:                             "https://g/x?$skiptoken=a&b",
		`{"value":[{"id":"1","displayName":"\"@odata.nextLink\":\"evil\""}], "@odata.nextLink" : "n"}`: "n",
		`{"value":[{"id":"1","displayName":"\"@odata.nextLink\":\"evil\""}],"@odata.deltaLink":"d"}`:   "",
		`{"value":[]}`: "",
	} {
		got, err := ScanNextLink([]byte(body))
		if err != nil || got != want {
			t.Errorf("ScanNextLink(%s) = %q, %v; want %q", body, got, err, want)
		}
		p, err := DecodeUserPage([]byte(body))
		if err != nil || p.NextLink != want {
			t.Errorf("the decode disagrees: %q, %v", p.NextLink, err)
		}
	}
}

// A property given twice holds its last value only, as encoding/json reads it: a null
// after a name empties it, a name after a null is not null.
func TestDecodeReadsAPropertyGivenTwiceAsItsLast(t *testing.T) {
	p, err := DecodeUserPage([]byte(`{"value":[{"id":"1","displayName":"Ann","displayName":null},{"id":"2","mail":null,"mail":"b@x"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if c := p.Users[0].Change(); c.User.DisplayName != "" || c.Null&data.FieldDisplayName == 0 {
		t.Errorf("name then null: %+v", c)
	}
	if c := p.Users[1].Change(); c.User.Mail != "b@x" || c.Null&data.FieldMail != 0 {
		t.Errorf("null then mail: %+v", c)
	}
}

// Invalid UTF-8 in a name reads as encoding/json reads it, with U+FFFD, whether or not
// the string holds an escape.
func TestDecodeReplacesInvalidUTF8(t *testing.T) {
	p, err := DecodeUserPage([]byte("{\"value\":[{\"id\":\"1\",\"department\":\"R\xff&D\",\"jobTitle\":\"\\u00e9\xfe\"}]}"))
	if err != nil {
		t.Fatal(err)
	}
	if u := p.Users[0]; u.Department.Value != "R\uFFFD&D" || u.JobTitle.Value != "é\uFFFD" {
		t.Errorf("department %q, job title %q", u.Department.Value, u.JobTitle.Value)
	}
}
