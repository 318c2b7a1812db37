package model

// operations_gen.go is built from the manual in ../shared/seeds (relative
// to the repository root) and tools/genmodel/overrides.yaml.
//go:generate go run ../../../tools/genmodel
