package traceopt

//go:generate go test -run ^TestStaticTables$ -write-tables
