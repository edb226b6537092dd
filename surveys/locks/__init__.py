"""One writer per response file: the OS lock, the lock file naming its holder, and clearing or breaking dead ones."""
