// Command hello is the start-up floor tcvpc is measured against: a cobra
// command with a viper instance, built from the same module versions, that
// does nothing but print a line.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func main() {
	v := viper.New()
	v.SetDefault("greeting", "hello")
	root := &cobra.Command{Use: "hello", SilenceUsage: true}
	root.PersistentFlags().String("profile", "", "profile")
	root.AddCommand(&cobra.Command{
		Use: "version",
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Println(v.GetString("greeting"))
			return nil
		},
	})
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
