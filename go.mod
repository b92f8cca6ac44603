module github.com/samenspel/samenspel

go 1.26.8

require (
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.43.0
)
