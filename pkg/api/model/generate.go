package model

// operations_gen.go is built from the source pages named by TCVPC_SEEDS,
// corrected by tools/genmodel/overrides.yaml, with every text taken from
// the English of tools/genmodel/en.
//go:generate go run ../../../tools/genmodel
