"""Running trainee code: kernel manager, sandbox launcher, execute step and output caps (untrusted side)."""
