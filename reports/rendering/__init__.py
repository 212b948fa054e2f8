"""Safe PDF rendering of reports: templates to HTML, HTML to PDF through an allow-list URL fetcher."""
