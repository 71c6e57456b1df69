package main

// The control channel: standard input carries one command per line, standard output one answer line per command,
// in order. Blank lines are ignored (no answer).
//
// A command line is either words separated by blanks, each word percent-decoded (so a VM named "App & DB <1>" is
// written App%20%26%20DB%20%3C1%3E, and a literal % as %25), or a JSON array of strings and numbers, e.g.
// ["rename","App & DB <1>","web 01"], which needs no escaping beyond JSON's. The rig's PowerShell and C# helpers
// always send the JSON form.
//
// An answer is "OK <one JSON object>" or "ERR <message on one line>". VMs are named by their name (unique across
// datacenters in the test topologies; an ambiguous name is an error) or by their moref (vm-42).
//
//	ping                                  OK {"pong":true}
//	help                                  OK {"commands":[...usages]}
//	list                                  OK {"vms":[{"moref","name"}...]}
//	info <vm>                             OK {"moref","name","biosUuid","instanceUuid","powerState","numCpu","memoryMB","template","disks":[...]}
//	rename <vm> <newname>                 OK {"moref","name"}
//	poweron|poweroff|suspend <vm>         OK {"moref","powerState","changed"}   (already in that state: changed false)
//	resize <vm> <numCpu> <memoryMB>       OK {"moref","numCpu","memoryMB"}      (ReconfigVM_Task)
//	adddisk <vm> <sizeMB>                 OK {"moref","key","label","capacityKB","fileName"}   (thin disk, first SCSI controller)
//	removedisk <vm> <label|key> [delete|keep]   OK {"moref","key","label","files"}   (files deleted by default)
//	destroy <vm>                          OK {"moref","name","poweredOff"}     (powers a running VM off first, then Destroy_Task)
//	fail <count> <httpStatus>             OK {...stats}   the next <count> client requests to /sdk get that status, empty body
//	freeze <ms>                           OK {...stats}   client requests are held for <ms> from now (0 releases)
//	delay <ms>                            OK {...stats}   every client request waits <ms> first (0 removes)
//	stats                                 OK {"requests","failed","failLeft","failStatus","delayMs","frozenMs"}

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

type controller struct {
	ctx    context.Context
	url    *url.URL
	agent  string
	faults *faultLayer
	client *govmomi.Client
	vms    *view.ContainerView // every VirtualMachine below the root folder, kept current by the simulator
}

type command struct {
	usage string
	args  int // required arguments; optional ones are allowed up to maxArgs
	max   int
	run   func(c *controller, args []string) (interface{}, error)
}

// commands is filled in init rather than by a literal: help reads the table, and a literal that refers to a
// function reading it would be an initialisation cycle.
var commands map[string]command

func init() {
	commands = map[string]command{
		"ping":       {"ping", 0, 0, func(*controller, []string) (interface{}, error) { return map[string]bool{"pong": true}, nil }},
		"help":       {"help", 0, 0, (*controller).help},
		"list":       {"list", 0, 0, (*controller).list},
		"info":       {"info <vm>", 1, 1, (*controller).info},
		"rename":     {"rename <vm> <newname>", 2, 2, (*controller).rename},
		"poweron":    {"poweron <vm>", 1, 1, power(types.VirtualMachinePowerStatePoweredOn)},
		"poweroff":   {"poweroff <vm>", 1, 1, power(types.VirtualMachinePowerStatePoweredOff)},
		"suspend":    {"suspend <vm>", 1, 1, power(types.VirtualMachinePowerStateSuspended)},
		"resize":     {"resize <vm> <numCpu> <memoryMB>", 3, 3, (*controller).resize},
		"adddisk":    {"adddisk <vm> <sizeMB>", 2, 2, (*controller).addDisk},
		"removedisk": {"removedisk <vm> <label|key> [delete|keep]", 2, 3, (*controller).removeDisk},
		"destroy":    {"destroy <vm>", 1, 1, (*controller).destroy},
		"fail":       {"fail <count> <httpStatus>", 2, 2, (*controller).fail},
		"freeze":     {"freeze <ms>", 1, 1, (*controller).freeze},
		"delay":      {"delay <ms>", 1, 1, (*controller).delay},
		"stats":      {"stats", 0, 0, func(c *controller, _ []string) (interface{}, error) { return c.faults.stats(), nil }},
	}
}

// newController opens the launcher's own session: a client of the simulator like any other (so every change goes
// through vim25 and the simulator's own handlers), exempt from injected faults by its User-Agent.
func newController(ctx context.Context, u *url.URL, agent string, faults *faultLayer) (*controller, error) {
	c := &controller{ctx: ctx, url: u, agent: agent, faults: faults}
	return c, c.connect()
}

func (c *controller) connect() error {
	client, err := newLauncherClient(c.ctx, c.url, c.agent)
	if err != nil {
		return err
	}
	v, err := view.NewManager(client.Client).CreateContainerView(c.ctx, client.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	if err != nil {
		return err
	}
	c.client, c.vms = client, v
	return nil
}

// serve answers commands until in closes.
func (c *controller) serve(in io.Reader, out io.Writer) {
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for scanner.Scan() {
		line := strings.TrimSpace(scanner.Text())
		if line == "" {
			continue
		}
		fmt.Fprintln(out, c.answer(line))
	}
}

func (c *controller) answer(line string) string {
	result, err := c.execute(line)
	if err != nil {
		return "ERR " + oneLine(err.Error())
	}
	if result == nil {
		result = struct{}{}
	}
	// Names stay readable in logs: no \u003c for '<' (the answer is read as JSON, never embedded in HTML).
	var text bytes.Buffer
	encoder := json.NewEncoder(&text)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(result); err != nil {
		return "ERR encoding the answer: " + oneLine(err.Error())
	}
	return "OK " + strings.TrimRight(text.String(), "\n")
}

func (c *controller) execute(line string) (interface{}, error) {
	words, err := parseLine(line)
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, errors.New("empty command")
	}
	cmd, ok := commands[strings.ToLower(words[0])]
	if !ok {
		return nil, fmt.Errorf("unknown command %q (try help)", words[0])
	}
	args := words[1:]
	if len(args) < cmd.args || len(args) > cmd.max {
		return nil, fmt.Errorf("usage: %s", cmd.usage)
	}
	result, err := cmd.run(c, args)
	if err != nil && !c.sessionActive() {
		// The session was ended under us (a test may terminate every session): log in again and retry, once. The
		// simulator then reports NotAuthenticated or, for the session's container view, ManagedObjectNotFound; asking
		// whether the session is alive covers both.
		if err = c.connect(); err == nil {
			result, err = cmd.run(c, args)
		}
	}
	return result, err
}

func (c *controller) sessionActive() bool {
	s, err := c.client.SessionManager.UserSession(c.ctx)
	return err == nil && s != nil
}

// parseLine splits a command line: a JSON array of strings/numbers, or blank-separated percent-encoded words.
func parseLine(line string) ([]string, error) {
	if strings.HasPrefix(line, "[") {
		var raw []interface{}
		if err := json.Unmarshal([]byte(line), &raw); err != nil {
			return nil, fmt.Errorf("not a JSON array of strings: %v", err)
		}
		words := make([]string, len(raw))
		for i, v := range raw {
			switch x := v.(type) {
			case string:
				words[i] = x
			case float64:
				words[i] = strconv.FormatFloat(x, 'f', -1, 64)
			default:
				return nil, fmt.Errorf("element %d of the JSON array is neither a string nor a number", i)
			}
		}
		return words, nil
	}
	fields := strings.Fields(line)
	for i, f := range fields {
		w, err := url.PathUnescape(f) // PathUnescape keeps '+' as is: VM names may contain it
		if err != nil {
			return nil, fmt.Errorf("word %d: %v (write a literal %% as %%25)", i+1, err)
		}
		fields[i] = w
	}
	return fields, nil
}

func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}

// --- VM lookup ---

var morefPattern = regexp.MustCompile(`^vm-[0-9]+$`)

type vmRef struct {
	*object.VirtualMachine
	name string
}

// findVM resolves a VM by exact name, or by moref when no VM has that name.
func (c *controller) findVM(nameOrMoref string) (vmRef, error) {
	var vms []mo.VirtualMachine
	if err := c.vms.Retrieve(c.ctx, []string{"VirtualMachine"}, []string{"name"}, &vms); err != nil {
		return vmRef{}, err
	}
	var found []mo.VirtualMachine
	for _, v := range vms {
		if v.Name == nameOrMoref {
			found = append(found, v)
		}
	}
	if len(found) == 0 && morefPattern.MatchString(nameOrMoref) {
		for _, v := range vms {
			if v.Self.Value == nameOrMoref {
				found = append(found, v)
			}
		}
	}
	switch len(found) {
	case 0:
		return vmRef{}, fmt.Errorf("no VM named %q", nameOrMoref)
	case 1:
		return vmRef{object.NewVirtualMachine(c.client.Client, found[0].Self), found[0].Name}, nil
	default:
		return vmRef{}, fmt.Errorf("%d VMs are named %q: name it by its moref", len(found), nameOrMoref)
	}
}

func (c *controller) properties(vm vmRef, paths ...string) (mo.VirtualMachine, error) {
	var m mo.VirtualMachine
	err := property.DefaultCollector(c.client.Client).RetrieveOne(c.ctx, vm.Reference(), paths, &m)
	return m, err
}

// --- commands ---

func (c *controller) help(_ []string) (interface{}, error) {
	names := []string{"ping", "help", "list", "info", "rename", "poweron", "poweroff", "suspend", "resize", "adddisk",
		"removedisk", "destroy", "fail", "freeze", "delay", "stats"}
	usages := make([]string, len(names))
	for i, n := range names {
		usages[i] = commands[n].usage
	}
	return map[string][]string{"commands": usages}, nil
}

type vmName struct {
	MoRef string `json:"moref"`
	Name  string `json:"name"`
}

func (c *controller) list(_ []string) (interface{}, error) {
	var vms []mo.VirtualMachine
	if err := c.vms.Retrieve(c.ctx, []string{"VirtualMachine"}, []string{"name"}, &vms); err != nil {
		return nil, err
	}
	out := make([]vmName, len(vms))
	for i, v := range vms {
		out[i] = vmName{v.Self.Value, v.Name}
	}
	return map[string][]vmName{"vms": out}, nil
}

type diskInfo struct {
	Key           int32  `json:"key"`
	Label         string `json:"label"`
	CapacityKB    int64  `json:"capacityKB"`
	CapacityBytes int64  `json:"capacityBytes"` // capacityInBytes, or capacityInKB × 1024 where the simulator left it 0
	FileName      string `json:"fileName"`
	Thin          bool   `json:"thin"`
	ControllerKey int32  `json:"controllerKey"`
	UnitNumber    int32  `json:"unitNumber"`
}

type vmInfo struct {
	MoRef        string     `json:"moref"`
	Name         string     `json:"name"`
	BiosUUID     string     `json:"biosUuid"` // config.uuid, what the hub stores as vmware_vm_id
	InstanceUUID string     `json:"instanceUuid"`
	PowerState   string     `json:"powerState"`
	NumCPU       int32      `json:"numCpu"`
	MemoryMB     int32      `json:"memoryMB"`
	Template     bool       `json:"template"`
	Disks        []diskInfo `json:"disks"`
}

func (c *controller) info(args []string) (interface{}, error) {
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	m, err := c.properties(vm, "name", "config", "runtime.powerState")
	if err != nil {
		return nil, err
	}
	info := vmInfo{MoRef: vm.Reference().Value, Name: m.Name, PowerState: string(m.Runtime.PowerState), Disks: []diskInfo{}}
	if m.Config != nil {
		info.BiosUUID = m.Config.Uuid
		info.InstanceUUID = m.Config.InstanceUuid
		info.NumCPU = m.Config.Hardware.NumCPU
		info.MemoryMB = m.Config.Hardware.MemoryMB
		info.Template = m.Config.Template
		for _, d := range object.VirtualDeviceList(m.Config.Hardware.Device).SelectByType((*types.VirtualDisk)(nil)) {
			info.Disks = append(info.Disks, describeDisk(d.(*types.VirtualDisk)))
		}
	}
	return info, nil
}

func describeDisk(d *types.VirtualDisk) diskInfo {
	info := diskInfo{Key: d.Key, CapacityKB: d.CapacityInKB, CapacityBytes: d.CapacityInBytes, ControllerKey: d.ControllerKey}
	if info.CapacityBytes == 0 {
		info.CapacityBytes = d.CapacityInKB * 1024
	}
	if d.DeviceInfo != nil {
		info.Label = d.DeviceInfo.GetDescription().Label
	}
	if d.UnitNumber != nil {
		info.UnitNumber = *d.UnitNumber
	}
	if b, ok := d.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
		info.FileName = b.FileName
		info.Thin = b.ThinProvisioned != nil && *b.ThinProvisioned
	}
	return info
}

func (c *controller) rename(args []string) (interface{}, error) {
	if args[1] == "" {
		return nil, errors.New("the new name is empty")
	}
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	task, err := vm.Rename(c.ctx, args[1])
	if err := waitTask(c.ctx, task, err); err != nil {
		return nil, err
	}
	return vmName{vm.Reference().Value, args[1]}, nil
}

type powerResult struct {
	MoRef      string `json:"moref"`
	PowerState string `json:"powerState"`
	Changed    bool   `json:"changed"`
}

// power returns the handler of one target state. A VM already in that state is left alone (changed false), so a
// test can say what state it wants without knowing the current one.
func power(target types.VirtualMachinePowerState) func(c *controller, args []string) (interface{}, error) {
	return func(c *controller, args []string) (interface{}, error) {
		vm, err := c.findVM(args[0])
		if err != nil {
			return nil, err
		}
		m, err := c.properties(vm, "runtime.powerState")
		if err != nil {
			return nil, err
		}
		result := powerResult{MoRef: vm.Reference().Value, PowerState: string(target)}
		if m.Runtime.PowerState == target {
			return result, nil
		}
		var task *object.Task
		switch target {
		case types.VirtualMachinePowerStatePoweredOn:
			task, err = vm.PowerOn(c.ctx)
		case types.VirtualMachinePowerStatePoweredOff:
			task, err = vm.PowerOff(c.ctx)
		default:
			task, err = vm.Suspend(c.ctx)
		}
		if err := waitTask(c.ctx, task, err); err != nil {
			return nil, err
		}
		result.Changed = true
		return result, nil
	}
}

func (c *controller) resize(args []string) (interface{}, error) {
	cpu, err := positive(args[1], "numCpu")
	if err != nil {
		return nil, err
	}
	memory, err := positive(args[2], "memoryMB")
	if err != nil {
		return nil, err
	}
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	spec := types.VirtualMachineConfigSpec{NumCPUs: int32(cpu), MemoryMB: memory}
	task, err := vm.Reconfigure(c.ctx, spec)
	if err := waitTask(c.ctx, task, err); err != nil {
		return nil, err
	}
	return map[string]interface{}{"moref": vm.Reference().Value, "numCpu": cpu, "memoryMB": memory}, nil
}

func (c *controller) addDisk(args []string) (interface{}, error) {
	sizeMB, err := positive(args[1], "sizeMB")
	if err != nil {
		return nil, err
	}
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	m, err := c.properties(vm, "config.hardware.device", "datastore")
	if err != nil {
		return nil, err
	}
	if m.Config == nil || len(m.Datastore) == 0 {
		return nil, fmt.Errorf("%s has no devices or no datastore", vm.name)
	}
	devices := object.VirtualDeviceList(m.Config.Hardware.Device)
	controller, err := devices.FindSCSIController("")
	if err != nil {
		return nil, err
	}
	before := map[int32]bool{}
	for _, d := range devices {
		before[d.GetVirtualDevice().Key] = true
	}
	// No file name: the simulator creates <vm>_N.vmdk in the VM's folder on its datastore, as vCenter does.
	disk := devices.CreateDisk(controller, m.Datastore[0], "")
	disk.CapacityInKB = sizeMB * 1024
	disk.CapacityInBytes = sizeMB * 1024 * 1024
	if err := vm.AddDevice(c.ctx, disk); err != nil {
		return nil, err
	}

	after, err := vm.Device(c.ctx)
	if err != nil {
		return nil, err
	}
	for _, d := range after.SelectByType((*types.VirtualDisk)(nil)) {
		if !before[d.GetVirtualDevice().Key] {
			info := describeDisk(d.(*types.VirtualDisk))
			return map[string]interface{}{"moref": vm.Reference().Value, "key": info.Key, "label": info.Label,
				"capacityKB": info.CapacityKB, "fileName": info.FileName}, nil
		}
	}
	return nil, errors.New("the disk was added but does not show in config.hardware.device")
}

func (c *controller) removeDisk(args []string) (interface{}, error) {
	keep := false
	if len(args) == 3 {
		switch strings.ToLower(args[2]) {
		case "keep":
			keep = true
		case "delete":
		default:
			return nil, fmt.Errorf("files must be delete or keep, not %q", args[2])
		}
	}
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	devices, err := vm.Device(c.ctx)
	if err != nil {
		return nil, err
	}
	var match *types.VirtualDisk
	key, isKey := strconv.ParseInt(args[1], 10, 32)
	for _, d := range devices.SelectByType((*types.VirtualDisk)(nil)) {
		disk := d.(*types.VirtualDisk)
		if (isKey == nil && int64(disk.Key) == key) || (disk.DeviceInfo != nil && disk.DeviceInfo.GetDescription().Label == args[1]) {
			match = disk
			break
		}
	}
	if match == nil {
		return nil, fmt.Errorf("%s has no disk with label or key %q", vm.name, args[1])
	}
	info := describeDisk(match)
	if err := vm.RemoveDevice(c.ctx, keep, match); err != nil {
		return nil, err
	}
	files := "deleted"
	if keep {
		files = "kept"
	}
	return map[string]interface{}{"moref": vm.Reference().Value, "key": info.Key, "label": info.Label, "files": files}, nil
}

func (c *controller) destroy(args []string) (interface{}, error) {
	vm, err := c.findVM(args[0])
	if err != nil {
		return nil, err
	}
	m, err := c.properties(vm, "runtime.powerState")
	if err != nil {
		return nil, err
	}
	// vCenter refuses to destroy a running VM (InvalidPowerState); an admin powers it off first, and so does this.
	poweredOff := false
	if m.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn {
		task, err := vm.PowerOff(c.ctx)
		if err := waitTask(c.ctx, task, err); err != nil {
			return nil, err
		}
		poweredOff = true
	}
	task, err := vm.Destroy(c.ctx)
	if err := waitTask(c.ctx, task, err); err != nil {
		return nil, err
	}
	return map[string]interface{}{"moref": vm.Reference().Value, "name": vm.name, "poweredOff": poweredOff}, nil
}

func (c *controller) fail(args []string) (interface{}, error) {
	count, err := strconv.Atoi(args[0])
	if err != nil || count < 0 {
		return nil, fmt.Errorf("count must be a whole number >= 0, not %q", args[0])
	}
	status, err := strconv.Atoi(args[1])
	if err != nil || status < 100 || status > 599 {
		return nil, fmt.Errorf("httpStatus must be an HTTP status (100-599), not %q", args[1])
	}
	c.faults.fail(count, status)
	return c.faults.stats(), nil
}

func (c *controller) freeze(args []string) (interface{}, error) {
	ms, err := milliseconds(args[0])
	if err != nil {
		return nil, err
	}
	c.faults.freeze(ms)
	return c.faults.stats(), nil
}

func (c *controller) delay(args []string) (interface{}, error) {
	ms, err := milliseconds(args[0])
	if err != nil {
		return nil, err
	}
	c.faults.setDelay(ms)
	return c.faults.stats(), nil
}

// --- helpers ---

// waitTask takes a task-returning call's results and waits for the task.
func waitTask(ctx context.Context, task *object.Task, err error) error {
	if err != nil {
		return err
	}
	return task.Wait(ctx)
}

func positive(s, what string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s must be a whole number >= 1, not %q", what, s)
	}
	return n, nil
}

func milliseconds(s string) (time.Duration, error) {
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("milliseconds must be a whole number >= 0, not %q", s)
	}
	return time.Duration(n) * time.Millisecond, nil
}
