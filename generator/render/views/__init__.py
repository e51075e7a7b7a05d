"""Per-file views of the IR: every fragment a template prints, already escaped or written as
Python (`Code`), and the imports each module needs. Templates only lay these out. One module
per kind of file: the client, the resources (with their operations' methods, endpoints and
the methods extensions add) and the types."""
