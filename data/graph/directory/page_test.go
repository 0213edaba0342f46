package directory

import "testing"

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
