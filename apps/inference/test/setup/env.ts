// Integration specs talk to real services; give them room on a loaded two-core machine.
jest.setTimeout(60_000);
