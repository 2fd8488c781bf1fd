package rules

//go:generate go run ./internal/gendata -out packs/default/data
