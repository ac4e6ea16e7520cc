$ vmlab trace /nonexistent/trace.txt
vmlab: trace: /nonexistent/trace.txt: No such file or directory
[2]
