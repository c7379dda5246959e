package interp

import (
	"bytes"
	"net"
	"strings"
	"testing"
)

// A listening socket the program never closes is closed when the run
// ends, as CPython's exit closes it: nothing answers on its port after.
func TestSocketsLeftOpenCloseAtExit(t *testing.T) {
	const src = `import socket
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
print(srv.getsockname()[1])
`
	var out, errb bytes.Buffer
	if status := RunWith(Config{}, "t.py", []byte(src), nil, &out, &errb); status != 0 {
		t.Fatalf("status %d: %s", status, errb.String())
	}
	port := strings.TrimSpace(out.String())
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", port))
	if err == nil {
		c.Close()
		t.Fatalf("port %s still accepts connections after the run", port)
	}
}
