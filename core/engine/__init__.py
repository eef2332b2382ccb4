"""The recovery engine: the plugin host, councils' registered profiles, case loading, the nightly run in chunks."""
