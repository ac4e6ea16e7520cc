$ vmlab trace a.trace b.trace
vmlab: trace: one trace at a time ('a.trace' and 'b.trace')
[2]
