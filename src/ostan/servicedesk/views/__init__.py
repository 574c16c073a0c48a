"""The desk's pages: the public catalogue and status page, filing, the citizen's list, inboxes and each step."""
