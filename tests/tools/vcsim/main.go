// Command vcsim-launcher starts the govmomi vCenter simulator (Debian's
// golang-github-vmware-govmomi-dev, 0.24.2) with a topology chosen by flags,
// a required user/password and optional TLS, reshapes the inventory the way
// the Sendense tests need it (nested VM folders, templates, renamed VMs), then
// prints its URL on one line and serves until it is killed or, with
// -exit-on-eof, until its standard input closes (so a crashed test run never
// leaves a simulator behind).
//
// While it serves, standard input is a control channel: one command per line,
// one answer line per command on standard output ("OK <json>" or
// "ERR <message>"), so a test can change the vCenter under a running client
// (rename, power, resize, add or remove a disk, destroy a VM, inject HTTP
// faults or latency) and read a VM back. See control.go for the commands and
// faults.go for the fault layer in front of the simulator.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build -o vcsim-launcher .
package main

import (
	"context"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/session"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	dc := flag.Int("dc", 1, "datacenters")
	cluster := flag.Int("cluster", 1, "clusters per datacenter")
	clusterHost := flag.Int("host", 1, "hosts per cluster")
	standalone := flag.Int("standalone-host", 1, "standalone hosts per datacenter")
	vm := flag.Int("vm", 2, "VMs per resource pool (cluster root pool, child pools, vApps, standalone hosts)")
	pool := flag.Int("pool", 0, "child resource pools per cluster")
	app := flag.Int("app", 0, "vApps per cluster")
	dcFolder := flag.Int("folder", 0, "datacenters placed inside a folder")
	portgroup := flag.Int("pg", 1, "distributed portgroups per datacenter")
	username := flag.String("username", "", "user name the simulator accepts (required)")
	password := flag.String("password", "", "password the simulator accepts (required)")
	useTLS := flag.Bool("tls", false, "serve https with the simulator's built-in certificate")
	listen := flag.String("listen", "127.0.0.1:0", "listen address; port 0 picks a free port")
	delay := flag.Int("delay", 0, "milliseconds of delay added to every SOAP call (WAN emulation; the control channel's 'delay' changes it)")
	failFirst := flag.Int("fail-first", 0, "answer the first N requests to /sdk with -fail-status and an empty body (the control channel's 'fail' does it later)")
	failStatus := flag.Int("fail-status", 503, "HTTP status of the requests -fail-first fails")
	templates := flag.Int("templates", 0, "VMs per datacenter turned into templates (the last ones)")
	moveEvery := flag.Int("move-every", 2, "with -vm-folder: every Nth VM goes into a nested folder")
	exitOnEOF := flag.Bool("exit-on-eof", false, "exit when standard input is closed")
	var vmFolders, renames listFlag
	flag.Var(&vmFolders, "vm-folder", "nested VM folder path under each datacenter's vm folder, e.g. 'Prod & Test/Web/Tier' (repeatable)")
	flag.Var(&renames, "rename", "OLD=NEW renames a VM after creation (repeatable)")
	flag.Parse()

	if *username == "" || *password == "" {
		fail("-username and -password are required: the simulator must refuse wrong credentials")
	}
	if *failFirst < 0 || *failStatus < 100 || *failStatus > 599 {
		fail("-fail-first must be >= 0 and -fail-status an HTTP status (100-599)")
	}

	model := simulator.VPX()
	model.Datacenter = *dc
	model.Cluster = *cluster
	model.ClusterHost = *clusterHost
	model.Host = *standalone
	model.Machine = *vm
	model.Pool = *pool
	model.App = *app
	model.Folder = *dcFolder
	model.Portgroup = *portgroup
	model.Autostart = true
	if err := model.Create(); err != nil {
		fail("creating model: %v", err)
	}
	defer model.Remove()

	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*username, *password)}
	if *useTLS {
		model.Service.TLS = new(tls.Config)
	}
	server := model.Service.NewServer()
	defer server.Close()

	// The launcher's own requests (reshaping below, the control channel later) carry a random User-Agent that the
	// fault layer lets through: injected faults and latency are for the client under test only. The simulator's
	// http.Server reads Handler per request and no request has been made yet, so swapping it here is safe; the
	// simulator offers no other hook in front of its ServeMux.
	agent := "vcsim-launcher-control/" + randomHex(16)
	faults := newFaultLayer(server.Config.Handler, agent)
	faults.setDelay(time.Duration(*delay) * time.Millisecond)
	faults.fail(*failFirst, *failStatus)
	server.Config.Handler = faults
	defer faults.shutdown() // runs before server.Close, which would otherwise wait for requests held by a freeze

	ctx := context.Background()
	if err := reshape(ctx, server.URL, agent, vmFolders, *moveEvery, *templates, renames); err != nil {
		fail("reshaping inventory: %v", err)
	}
	control, err := newController(ctx, server.URL, agent, faults)
	if err != nil {
		fail("opening the control session: %v", err)
	}

	u := *server.URL
	u.User = nil
	fmt.Printf("VCSIM_URL=%s\n", u.String())
	if *useTLS {
		der := server.TLS.Certificates[0].Certificate[0]
		fmt.Printf("VCSIM_SHA1=%s\n", colonHex(sha1Sum(der)))
		fmt.Printf("VCSIM_SHA256=%s\n", colonHex(sha256Sum(der)))
	}
	fmt.Println("VCSIM_READY")
	os.Stdout.Sync()

	// From here on standard output carries only answers of the control channel, one line per command.
	eof := make(chan struct{})
	go func() {
		control.serve(os.Stdin, os.Stdout)
		close(eof)
	}()
	wait(*exitOnEOF, eof)
}

// newLauncherClient logs in to the simulator as the launcher itself: its User-Agent lets the fault layer tell it
// from the client under test.
func newLauncherClient(ctx context.Context, u *url.URL, agent string) (*govmomi.Client, error) {
	sc := soap.NewClient(u, true)
	sc.UserAgent = agent
	vc, err := vim25.NewClient(ctx, sc)
	if err != nil {
		return nil, err
	}
	c := &govmomi.Client{Client: vc, SessionManager: session.NewManager(vc)}
	if err := c.Login(ctx, u.User); err != nil {
		return nil, err
	}
	return c, nil
}

// reshape applies the inventory changes the stock model cannot express.
func reshape(ctx context.Context, u *url.URL, agent string, folders []string, every int, templates int, renames []string) error {
	c, err := newLauncherClient(ctx, u, agent)
	if err != nil {
		return err
	}
	defer c.Logout(ctx)

	finder := find.NewFinder(c.Client, false)
	dcs, err := finder.DatacenterList(ctx, "*")
	if err != nil {
		return err
	}
	for _, dc := range dcs {
		if (len(folders) == 0 || every <= 0) && templates <= 0 {
			break // nothing to move or mark: listing thousands of VMs would only slow the start
		}
		finder.SetDatacenter(dc)
		vms, err := finder.VirtualMachineList(ctx, "*")
		if err != nil {
			return err
		}
		sort.Slice(vms, func(i, j int) bool { return vms[i].Name() < vms[j].Name() })

		if len(folders) > 0 && every > 0 {
			f, err := dc.Folders(ctx)
			if err != nil {
				return err
			}
			targets := make([]*object.Folder, 0, len(folders))
			for _, p := range folders {
				t, err := mkdirAll(ctx, f.VmFolder, p)
				if err != nil {
					return err
				}
				targets = append(targets, t)
			}
			moves := make(map[int][]types.ManagedObjectReference)
			n := 0
			for i, v := range vms {
				if i%every != every-1 || isInVApp(ctx, c, v) {
					continue
				}
				moves[n%len(targets)] = append(moves[n%len(targets)], v.Reference())
				n++
			}
			for i, refs := range moves {
				task, err := targets[i].MoveInto(ctx, refs)
				if err != nil {
					return err
				}
				if err := task.Wait(ctx); err != nil {
					return err
				}
			}
		}

		for i := 0; i < templates && i < len(vms); i++ {
			v := vms[len(vms)-1-i]
			if task, err := v.PowerOff(ctx); err == nil {
				_ = task.Wait(ctx)
			}
			if err := v.MarkAsTemplate(ctx); err != nil {
				return err
			}
		}
	}

	for _, r := range renames {
		parts := strings.SplitN(r, "=", 2)
		if len(parts) != 2 {
			return fmt.Errorf("-rename %q: expected OLD=NEW", r)
		}
		v, err := findVM(ctx, c, parts[0])
		if err != nil {
			return fmt.Errorf("-rename %q: %v", r, err)
		}
		task, err := v.Rename(ctx, parts[1])
		if err != nil {
			return err
		}
		if err := task.Wait(ctx); err != nil {
			return err
		}
	}
	return nil
}

// findVM looks a VM up by name in every datacenter.
func findVM(ctx context.Context, c *govmomi.Client, name string) (*object.VirtualMachine, error) {
	finder := find.NewFinder(c.Client, false)
	dcs, err := finder.DatacenterList(ctx, "*")
	if err != nil {
		return nil, err
	}
	for _, dc := range dcs {
		finder.SetDatacenter(dc)
		if v, err := finder.VirtualMachine(ctx, name); err == nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("no VM named %q", name)
}

func isInVApp(ctx context.Context, c *govmomi.Client, v *object.VirtualMachine) bool {
	var m mo.VirtualMachine
	if err := v.Properties(ctx, v.Reference(), []string{"parentVApp"}, &m); err != nil {
		return false
	}
	return m.ParentVApp != nil
}

// mkdirAll creates each segment of path below root, reusing existing folders.
func mkdirAll(ctx context.Context, root *object.Folder, path string) (*object.Folder, error) {
	current := root
	for _, name := range strings.Split(path, "/") {
		if name == "" {
			continue
		}
		children, err := current.Children(ctx)
		if err != nil {
			return nil, err
		}
		var next *object.Folder
		for _, child := range children {
			if f, ok := child.(*object.Folder); ok {
				var m mo.Folder
				if err := f.Properties(ctx, f.Reference(), []string{"name"}, &m); err == nil && m.Name == name {
					next = f
					break
				}
			}
		}
		if next == nil {
			created, err := current.CreateFolder(ctx, name)
			if err != nil {
				return nil, err
			}
			next = created
		}
		current = next
	}
	return current, nil
}

// wait returns on SIGINT/SIGTERM or, with exitOnEOF, when standard input (the control channel) has closed; the
// deferred model.Remove then deletes the simulator's datastore directories.
func wait(exitOnEOF bool, eof <-chan struct{}) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	if !exitOnEOF {
		eof = nil // a nil channel never fires: serve until a signal
	}
	select {
	case <-signals:
	case <-eof:
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		fail("reading random bytes: %v", err)
	}
	return hex.EncodeToString(b)
}

func sha1Sum(b []byte) []byte   { s := sha1.Sum(b); return s[:] }
func sha256Sum(b []byte) []byte { s := sha256.Sum256(b); return s[:] }

func colonHex(b []byte) string {
	parts := make([]string, len(b))
	for i, x := range b {
		parts[i] = fmt.Sprintf("%02X", x)
	}
	return strings.Join(parts, ":")
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vcsim-launcher: "+format+"\n", args...)
	os.Exit(2)
}
