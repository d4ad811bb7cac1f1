package outputs

import (
	"bytes"
	"errors"
)

// dartPrefix and dartSuffix wrap the JSON in amplify_outputs.dart, as Amplify writes it: a raw
// string, because outputs hold `${...}` that Dart would otherwise interpolate.
const (
	dartPrefix = "const amplifyConfig = r'''"
	dartSuffix = "''';"
)

// Dart wraps an amplify_outputs.json document as amplify_outputs.dart:
// `const amplifyConfig = r”'...”';`. A raw string cannot hold `”'`, so such content is refused.
func Dart(json []byte) ([]byte, error) {
	if bytes.Contains(json, []byte("'''")) {
		return nil, errors.New("the outputs contain ''' which a Dart raw string cannot hold; rename the value that holds it")
	}
	body := bytes.TrimRight(json, "\r\n")
	var b bytes.Buffer
	b.WriteString(dartPrefix)
	b.Write(body)
	b.WriteString(dartSuffix)
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// SplitDart finds the JSON inside an existing amplify_outputs.dart: it returns what comes
// before it, the JSON, and what comes after, so that a merge can keep the rest of the file.
// ok is false when the file does not hold `amplifyConfig = r”'...”'`.
func SplitDart(data []byte) (before, json, after []byte, ok bool) {
	i := bytes.Index(data, []byte("amplifyConfig"))
	if i < 0 {
		return nil, nil, nil, false
	}
	open := bytes.Index(data[i:], []byte("r'''"))
	if open < 0 {
		return nil, nil, nil, false
	}
	start := i + open + len("r'''")
	end := bytes.Index(data[start:], []byte("'''"))
	if end < 0 {
		return nil, nil, nil, false
	}
	return data[:start], data[start : start+end], data[start+end:], true
}
