// The build passed (invoker checks that); make sure both tests really ran and the rule was checked.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : 'OrdersTest did not run'
assert log.contains('production-class-path-is-kv-binding-and-jackson') : 'the class-path rule did not run'
return true
