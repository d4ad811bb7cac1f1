package validate

// commonString returns the keys and values that Amplify configuration files repeat most (the
// access actions, the principals, amplify_outputs.json's member names) as constants, so that
// decoding them into Go values (JSONFile.Value) allocates nothing.
func commonString(raw []byte) (string, bool) {
	switch string(raw) {
	case "get":
		return "get", true
	case "list":
		return "list", true
	case "write":
		return "write", true
	case "delete":
		return "delete", true
	case "read":
		return "read", true
	case "guest":
		return "guest", true
	case "authenticated":
		return "authenticated", true
	case "resource":
		return "resource", true
	case "aws_region":
		return "aws_region", true
	case "bucket_name":
		return "bucket_name", true
	case "buckets":
		return "buckets", true
	case "name":
		return "name", true
	case "paths":
		return "paths", true
	case "storage":
		return "storage", true
	case "version":
		return "version", true
	case "auth":
		return "auth", true
	case "user_pool_id":
		return "user_pool_id", true
	case "user_pool_client_id":
		return "user_pool_client_id", true
	case "identity_pool_id":
		return "identity_pool_id", true
	case "unauthenticated_identities_enabled":
		return "unauthenticated_identities_enabled", true
	case "custom":
		return "custom", true
	case "public/*":
		return "public/*", true
	case "protected/*":
		return "protected/*", true
	case "private/*":
		return "private/*", true
	}
	return "", false
}
