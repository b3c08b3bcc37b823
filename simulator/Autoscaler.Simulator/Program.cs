// Placeholder entry point; the verbs are built in issue #2.
return 0;
