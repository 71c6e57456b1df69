// Command credcrypt is an independent implementation of the Sendense hub's
// credential cipher, written only with Go's standard library exactly as the
// hub's services/credential_encryption_service.go does it: AES-256-GCM
// (crypto/aes + crypto/cipher), a random 12-byte nonce, a 16-byte tag, no
// additional data, stored as base64.StdEncoding(gcm.Seal(nonce, nonce, pt, nil)),
// i.e. nonce || ciphertext || tag. The tests use it to prove that values the
// module writes decrypt like the hub's and the other way round.
//
// The key is read from MIGRATEKIT_CRED_ENCRYPTION_KEY (standard base64 of 32
// bytes), as on the hub, never from the command line.
//
//	credcrypt encrypt   reads one plaintext per line on stdin, prints one base64 value per line
//	credcrypt decrypt   reads one base64 value per line, prints the plaintext per line
//	                    (a value that does not decrypt prints "ERROR <reason>" on that line)
//
// Lines are hex-encoded both ways with -hex, so that any byte string (newlines,
// invalid UTF-8) can be carried.
//
// Build: GO111MODULE=off go build -o credcrypt .
package main

import (
	"bufio"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
)

func newGCM() (cipher.AEAD, error) {
	encoded := os.Getenv("MIGRATEKIT_CRED_ENCRYPTION_KEY")
	if encoded == "" {
		return nil, errors.New("MIGRATEKIT_CRED_ENCRYPTION_KEY environment variable not set")
	}
	key, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return nil, fmt.Errorf("failed to decode encryption key: %w", err)
	}
	if len(key) != 32 {
		return nil, fmt.Errorf("encryption key must be 32 bytes, got %d", len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func encrypt(gcm cipher.AEAD, plaintext []byte) (string, error) {
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(gcm.Seal(nonce, nonce, plaintext, nil)), nil
}

func decrypt(gcm cipher.AEAD, value string) ([]byte, error) {
	data, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		return nil, fmt.Errorf("failed to decode: %w", err)
	}
	size := gcm.NonceSize()
	if len(data) < size {
		return nil, errors.New("ciphertext too short")
	}
	return gcm.Open(nil, data[:size], data[size:], nil)
}

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "encrypt" && os.Args[1] != "decrypt") {
		fmt.Fprintln(os.Stderr, "usage: credcrypt encrypt|decrypt [-hex]  (key in MIGRATEKIT_CRED_ENCRYPTION_KEY, one value per stdin line)")
		os.Exit(2)
	}
	useHex := len(os.Args) > 2 && os.Args[2] == "-hex"
	gcm, err := newGCM()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}

	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1024*1024), 1024*1024)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for scanner.Scan() {
		line := scanner.Text()
		switch os.Args[1] {
		case "encrypt":
			plaintext := []byte(line)
			if useHex {
				if plaintext, err = hex.DecodeString(line); err != nil {
					fmt.Fprintln(out, "ERROR bad hex input")
					continue
				}
			}
			value, err := encrypt(gcm, plaintext)
			if err != nil {
				fmt.Fprintln(out, "ERROR", err)
				continue
			}
			fmt.Fprintln(out, value)
		case "decrypt":
			plaintext, err := decrypt(gcm, line)
			if err != nil {
				fmt.Fprintln(out, "ERROR", err)
				continue
			}
			if useHex {
				fmt.Fprintln(out, hex.EncodeToString(plaintext))
			} else {
				fmt.Fprintln(out, string(plaintext))
			}
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
