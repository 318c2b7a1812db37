package api

import (
	"errors"
	"testing"
)

// FuzzDecode: any reply body, in either style and with any status, is a
// Reply or an *Error, never a panic or another error.
func FuzzDecode(f *testing.F) {
	for _, seed := range []string{
		`{"Response":{"RequestId":"r","VpcSet":[]}}`,
		`{"Response":{"Error":{"Code":"InternalError","Message":"x"},"RequestId":"r"}}`,
		`{"code":0,"message":"","data":{"taskId":1}}`,
		`{"code":"4100","message":"x","codeDesc":"AuthFailure"}`,
		`<html>Bad Gateway</html>`, `{"Response":1}`, `{"code":null}`, `null`, ``, `[]`,
	} {
		f.Add([]byte(seed), 200, false)
		f.Add([]byte(seed), 502, true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, status int, legacy bool) {
		style := V3
		if legacy {
			style = Legacy
		}
		reply, err := decode(style, status, raw)
		var e *Error
		switch {
		case err == nil && (reply == nil || reply.Data == nil):
			t.Fatal("no error and no reply")
		case err != nil && !errors.As(err, &e):
			t.Fatalf("not an *Error: %v", err)
		case err != nil && e.Error() == "":
			t.Fatal("empty message")
		}
	})
}
