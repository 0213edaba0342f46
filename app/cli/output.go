package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"nimbusadmin/app"
	"nimbusadmin/app/safetext"
	"nimbusadmin/app/userlist"
)

// format is an output format flag value.
type format string

func (f *format) String() string { return string(*f) }

// Set accepts table, csv and json.
func (f *format) Set(v string) error {
	switch v {
	case "table", "csv", "json":
		*f = format(v)
		return nil
	}
	return fmt.Errorf("unknown format %q (use table, csv or json)", v)
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

// Set appends one value; an empty one is refused, as for every flag that needs a value.
func (l *listFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return errors.New("the flag needs a value")
	}
	*l = append(*l, v)
	return nil
}

// newFlags makes a verb's flag set that reports errors instead of printing usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse reads flags and positional arguments in any order ("ID --format json" and
// "--format json ID" alike) and checks the number of positional arguments and that no
// flag was given an empty value it cannot take. -h or --help anywhere returns a
// helpRequest, which prints the verb's help.
func parse(fs *flag.FlagSet, args []string, positional int, what string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, helpRequest{fs}
		} else if err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) != positional {
		if positional == 0 {
			return nil, usagef("%s: unexpected argument %q", fs.Name(), pos[0])
		}
		return nil, usagef("%s needs %s", fs.Name(), what)
	}
	if err := refuseBlank(fs); err != nil {
		return nil, err
	}
	return pos, nil
}

// writeTable prints rows under a header as aligned columns, or as CSV.
func writeTable(w io.Writer, f format, header []string, rows [][]string) error {
	if f == "csv" { // cells that a spreadsheet would run as formulas are neutralised
		cw := csv.NewWriter(w)
		cw.Write(safetext.CSVRow(header))
		for _, r := range rows {
			cw.Write(safetext.CSVRow(r))
		}
		cw.Flush()
		return cw.Error()
	}
	// Control characters, escape sequences and direction overrides in names from the
	// directory or an admin are shown as escapes: on a terminal they would act.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = safetext.Terminal(c)
		}
		fmt.Fprintln(tw, strings.Join(clean, "\t"))
	}
	return tw.Flush()
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// yesNo writes a yes-or-no value in a table as the user list does, in the window too.
func yesNo(b bool) string { return userlist.YesNo(b) }

// provenanceFlag adds --provenance FILE to an exporting verb: where to write the side-car
// that says where the output comes from (app.Provenance). The output itself stays pure
// CSV or a JSON array, so that spreadsheets and scripts read it as before.
func provenanceFlag(fs *flag.FlagSet) *string {
	return fs.String("provenance", "", "also write where this output comes from (tenant, last sync, time, filters) as JSON to this file")
}

// writeProvenance writes the side-car of a verb's output of rows rows to path ("" for
// none): the verb, its format and every other flag given, as given. A verb calls it once
// its output is written.
func writeProvenance(ctx context.Context, a *app.App, fs *flag.FlagSet, path string, rows int) error {
	if path == "" {
		return nil
	}
	filters, f := map[string]string{}, "table"
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "format":
			f = fl.Value.String()
		case "provenance":
		default:
			filters[fl.Name] = fl.Value.String()
		}
	})
	p, err := a.Provenance(ctx, time.Now(), fs.Name(), f, filters, rows)
	if err != nil {
		return err
	}
	if err := p.WriteFile(path); err != nil {
		return fmt.Errorf("the output is written but its provenance is not (%w); give --provenance another file", err)
	}
	return nil
}
