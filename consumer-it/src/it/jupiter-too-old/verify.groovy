// The run must stop with kvkit's message, not with JUnit's "TypeNotPresentException: Type [unknown] not present".
def log = new File(basedir, 'build.log').text
assert log.contains("kvkit's JUnit extension (dev.kvkit:kv-junit) needs JUnit Jupiter 5.12 or later, but the class path has junit-jupiter-api 5.11.4.") : 'expected kvkit to name the Jupiter versions'
return true
