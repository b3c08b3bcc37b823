// Placeholder entry point; the adapter host is built in issue #5.
return 0;
