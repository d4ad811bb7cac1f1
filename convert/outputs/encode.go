package outputs

import (
	"bytes"
	"encoding/json"
)

// object is a JSON object with its members in writing order.
type object struct {
	keys []string
	vals []any // object, []any, string
}

func (o *object) add(key string, val any) { o.keys = append(o.keys, key); o.vals = append(o.vals, val) }

// style is how a JSON value is laid out: Amplify's own files use 2-space indentation; merged
// files keep the existing file's indentation, newline and colon spacing.
type style struct {
	indent  string // one level; "" writes compact one-line JSON
	newline string // "\n" or "\r\n"
	colon   string // ": " or ":"
}

// amplifyStyle is how Amplify writes amplify_outputs.json: 2 spaces, LF, ": ".
func amplifyStyle() style { return style{indent: "  ", newline: "\n", colon: ": "} }

// render writes v with style st; base is the indentation of the line the value starts on.
func render(b *bytes.Buffer, v any, st style, base string) {
	switch v := v.(type) {
	case *object:
		if len(v.keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, k := range v.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			st.open(b, base)
			writeString(b, k)
			b.WriteString(st.colon)
			render(b, v.vals[i], st, base+st.indent)
		}
		st.close(b, base)
		b.WriteByte('}')
	case []any:
		if len(v) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			st.open(b, base)
			render(b, x, st, base+st.indent)
		}
		st.close(b, base)
		b.WriteByte(']')
	case string:
		writeString(b, v)
	}
}

// open starts a member line inside a container whose line is indented by base.
func (st style) open(b *bytes.Buffer, base string) {
	if st.indent == "" {
		return
	}
	b.WriteString(st.newline)
	b.WriteString(base)
	b.WriteString(st.indent)
}

// close ends a container whose line is indented by base.
func (st style) close(b *bytes.Buffer, base string) {
	if st.indent == "" {
		return
	}
	b.WriteString(st.newline)
	b.WriteString(base)
}

// writeString writes s as a JSON string, without HTML escaping (outputs hold `${...}`).
func writeString(b *bytes.Buffer, s string) {
	if plainASCII(s) { // nearly every name, region and path: encoding/json would copy it as is
		b.WriteByte('"')
		b.WriteString(s)
		b.WriteByte('"')
		return
	}
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
}

// plainASCII reports whether s is printable ASCII without '"' or '\\', which JSON (with HTML
// left unescaped) writes between quotes unchanged.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// storageValue is the "storage" section as a JSON value.
func (s *Storage) value() *object {
	o := &object{}
	o.add("aws_region", s.AWSRegion)
	o.add("bucket_name", s.BucketName)
	if s.Buckets != nil {
		var list []any
		for _, b := range s.Buckets {
			bo := &object{}
			bo.add("name", b.Name)
			bo.add("bucket_name", b.BucketName)
			bo.add("aws_region", b.AWSRegion)
			if b.Paths != nil {
				po := &object{}
				for _, p := range b.Paths {
					ro := &object{}
					for _, r := range p.Rules {
						acts := make([]any, len(r.Actions))
						for i, a := range r.Actions {
							acts[i] = a
						}
						ro.add(r.Principal, acts)
					}
					po.add(p.Path, ro)
				}
				bo.add("paths", po)
			}
			list = append(list, bo)
		}
		o.add("buckets", orEmpty(list))
	}
	return o
}

func orEmpty(list []any) []any {
	if list == nil {
		return []any{}
	}
	return list
}

// tablesValue is "custom.dynamodb_tables" as a JSON value.
func tablesValue(ts []Table) []any {
	list := []any{}
	for _, t := range ts {
		o := &object{}
		o.add("name", t.Name)
		o.add("table_name", t.TableName)
		o.add("aws_region", t.AWSRegion)
		if t.ARN != "" {
			o.add("arn", t.ARN)
		}
		if t.StreamARN != "" {
			o.add("stream_arn", t.StreamARN)
		}
		for _, k := range []struct {
			name string
			key  *Key
		}{{"partition_key", t.PartitionKey}, {"sort_key", t.SortKey}} {
			if k.key != nil {
				ko := &object{}
				ko.add("name", k.key.Name)
				ko.add("type", k.key.Type)
				o.add(k.name, ko)
			}
		}
		list = append(list, o)
	}
	return list
}

// value is the whole document as a JSON value: version, storage, custom.dynamodb_tables.
func (o *Outputs) value() *object {
	doc := &object{}
	doc.add("version", o.Version)
	if o.Storage != nil {
		doc.add("storage", o.Storage.value())
	}
	if o.Tables != nil {
		custom := &object{}
		custom.add("dynamodb_tables", tablesValue(o.Tables))
		doc.add("custom", custom)
	}
	return doc
}

// JSON returns the outputs as a new amplify_outputs.json: Amplify's 2-space layout, keys in a
// fixed order, a final newline.
func (o *Outputs) JSON() []byte {
	var b bytes.Buffer
	render(&b, o.value(), amplifyStyle(), "")
	b.WriteByte('\n')
	return b.Bytes()
}
