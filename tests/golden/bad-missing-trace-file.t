$ vmlab trace /nonexistent/trace.txt
vmlab: /nonexistent/trace.txt: No such file or directory
[2]
