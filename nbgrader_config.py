c = get_config()  # noqa: F821
