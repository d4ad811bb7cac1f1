package validate

// UpdateGolden reports whether -update was given, for the external test package (the flag is
// declared once, in main_test.go).
func UpdateGolden() bool { return *update }
