"""Council profiles shipped with arrears (data, one TOML file per council)."""
