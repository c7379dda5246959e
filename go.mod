module github.com/copypatch/copypatch

go 1.26

require (
	github.com/mmcloughlin/avo v0.6.0
	github.com/spf13/cobra v1.10.1
	golang.org/x/arch v0.22.0
	golang.org/x/sys v0.38.0
	golang.org/x/text v0.31.0
	golang.org/x/tools v0.39.0
)

require (
	github.com/inconshreveable/mousetrap v1.1.0 // indirect
	github.com/spf13/pflag v1.0.9 // indirect
	golang.org/x/mod v0.30.0 // indirect
	golang.org/x/sync v0.18.0 // indirect
)
