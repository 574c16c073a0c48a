"""The single-window service desk (میز خدمت): the catalogue, intake, the agencies' inboxes and the status page."""
