// The CLI's error lines are asserted as plain text. Salesforce CLI libraries colour their output when they think a
// terminal or a CI service is watching (a CI variable alone turns colour on); the tests, and the CLIs they start as
// child processes (which inherit this environment), ask for none.
process.env.FORCE_COLOR = '0';
process.env.NO_COLOR = '1';
