module github.com/seed-258d3fb3/amplify-storage-config

go 1.26

require github.com/tidwall/gjson v1.20.1

require (
	github.com/tidwall/match v1.1.1 // indirect
	github.com/tidwall/pretty v1.2.0 // indirect
)
