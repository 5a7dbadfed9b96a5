"""The Textual interface. Screens present the engines; they hold no rules of their own."""
