"""Council profiles: loading and validation, the sections, inheritance, rendering and differences."""
