package rules

//go:generate go run ./internal/gendata -out packs/default/data
//go:generate go test -run TestPrefilterSnapshot -update-prefilters .
//go:generate go test -run TestPackSnapshot -update-packs .
//go:generate go test -run TestClassifierSnapshot$ -update-classifier .
