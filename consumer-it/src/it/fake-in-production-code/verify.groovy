// The build must have failed for the right reason: the fake is not on production's class path.
def log = new File(basedir, 'build.log').text
assert log.contains('package dev.kvkit.fake does not exist') : 'expected the compiler to miss dev.kvkit.fake'
return true
