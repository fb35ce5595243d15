package diag

// translate returns the format of msg in lang; English formats are the keys.
func translate(format, lang string) string {
	if lang == "zh-CN" {
		if zh, ok := chinese[format]; ok {
			return zh
		}
	}
	return format
}
