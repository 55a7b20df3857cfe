"""The HTML lesson engine shared by the web site and the LMS packages.

``pages`` derives the view model, ``quiz_pages`` the quiz forms and data, ``html_render`` the
safe Markdown, ``brand_colours`` the palette, ``scripts`` joins the runtime's parts, ``files``
writes it all, and ``suspend_data`` keeps the saved record within the LMS's limits.
"""
