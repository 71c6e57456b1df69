// Command govmomi-discovery is the govmomi peer of Invoke-SendenseVMDiscovery, built over Debian's govmomi 0.24.2
// (GOPATH mode, like tests/tools/vcsim). It has two modes:
//
//	-mode compare  prints every VM as JSON with the values govmomi itself reports: the inventory path from govmomi's
//	               finder (what the upstream hub stores as vm_path), properties decoded into mo.VirtualMachine, host,
//	               cluster and network names looked up object by object. Used by the tests to prove that Sendense's
//	               discovery returns the same VMs and values.
//	-mode bench    the fastest idiomatic govmomi sweep of the same properties: one container view, RetrievePropertiesEx
//	               looped over ContinueRetrievePropertiesEx, decoded into mo.VirtualMachine. Prints timings as JSON.
//
// Build: GO111MODULE=off GOPATH=/usr/share/gocode go build -o govmomi-discovery .
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/find"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
)

// The VM properties Sendense retrieves (src/Sendense.Core/Discovery/VMPropertyPaths.cs, Full).
var vmPaths = []string{
	"name", "parent", "parentVApp",
	"config.uuid", "config.instanceUuid", "config.template", "config.guestFullName", "config.version",
	"config.hardware.numCPU", "config.hardware.memoryMB", "config.hardware.device",
	"runtime.powerState", "runtime.connectionState", "runtime.host",
	"guest.guestFullName", "guest.ipAddress",
}

var viewTypes = []string{"Folder", "Datacenter", "VirtualApp", "ComputeResource", "HostSystem", "Network", "VirtualMachine"}

type disk struct {
	Key           int32  `json:"key"`
	Label         string `json:"label"`
	CapacityBytes int64  `json:"capacityBytes"`
	FileName      string `json:"fileName"`
	Datastore     string `json:"datastore"`
	Thin          *bool  `json:"thin"`
	ControllerKey int32  `json:"controllerKey"`
	UnitNumber    *int32 `json:"unitNumber"`
}

type nic struct {
	Label       string `json:"label"`
	NetworkName string `json:"networkName"`
	MacAddress  string `json:"macAddress"`
}

type vmOut struct {
	MoRef           string `json:"moRef"`
	Name            string `json:"name"`
	Path            string `json:"path"`
	Datacenter      string `json:"datacenter"`
	Folder          string `json:"folder"`
	BiosUuid        string `json:"biosUuid"`
	InstanceUuid    string `json:"instanceUuid"`
	IsTemplate      bool   `json:"isTemplate"`
	PowerState      string `json:"powerState"`
	ConnectionState string `json:"connectionState"`
	GuestOS         string `json:"guestOS"`
	NumCpu          int32  `json:"numCpu"`
	MemoryMB        int32  `json:"memoryMB"`
	HardwareVersion string `json:"hardwareVersion"`
	Host            string `json:"host"`
	Cluster         string `json:"cluster"`
	IPAddress       string `json:"ipAddress"`
	Disks           []disk `json:"disks"`
	Networks        []nic  `json:"networks"`
}

func main() {
	rawURL := flag.String("url", "", "SDK URL, e.g. https://127.0.0.1:443/sdk")
	user := flag.String("user", "", "user name")
	password := flag.String("password", "", "password (or env GOVMOMI_DISCOVERY_PASSWORD)")
	insecure := flag.Bool("k", false, "skip certificate verification")
	mode := flag.String("mode", "compare", "compare or bench")
	max := flag.Int("max", 500, "maxObjects per page (bench mode)")
	flag.Parse()

	if *password == "" {
		*password = os.Getenv("GOVMOMI_DISCOVERY_PASSWORD")
	}
	u, err := url.Parse(*rawURL)
	if err != nil || *rawURL == "" {
		fail("-url: %v", err)
	}
	u.User = url.UserPassword(*user, *password)

	ctx := context.Background()
	start := time.Now()
	c, err := govmomi.NewClient(ctx, u, *insecure)
	if err != nil {
		fail("login: %v", err)
	}
	login := time.Since(start)
	defer c.Logout(ctx)

	switch *mode {
	case "compare":
		compare(ctx, c)
	case "bench":
		bench(ctx, c, int32(*max), start, login)
	default:
		fail("-mode must be compare or bench")
	}
}

func compare(ctx context.Context, c *govmomi.Client) {
	// Paths the way the upstream hub gets them: per datacenter, finder.VirtualMachineList("*").
	finder := find.NewFinder(c.Client, true)
	dcs, err := finder.DatacenterList(ctx, "*")
	if err != nil {
		fail("datacenters: %v", err)
	}
	paths := map[types.ManagedObjectReference]string{}
	dcOf := map[types.ManagedObjectReference]*dcInfo{}
	for _, dc := range dcs {
		finder.SetDatacenter(dc)
		vms, err := finder.VirtualMachineList(ctx, "*")
		if err != nil {
			continue // a datacenter without VMs
		}
		info := &dcInfo{name: dc.Name(), path: dc.InventoryPath}
		for _, vm := range vms {
			ref := vm.Reference()
			// The finder may reach a VM twice (folder and vApp); keep the shortest path, as a folder listing shows it.
			if p, ok := paths[ref]; !ok || len(vm.InventoryPath) < len(p) {
				paths[ref] = vm.InventoryPath
			}
			dcOf[ref] = info
		}
	}

	refs := make([]types.ManagedObjectReference, 0, len(paths))
	for ref := range paths {
		refs = append(refs, ref)
	}
	var vms []mo.VirtualMachine
	pc := property.DefaultCollector(c.Client)
	if len(refs) > 0 {
		if err := pc.Retrieve(ctx, refs, vmPaths, &vms); err != nil {
			fail("retrieve: %v", err)
		}
	}

	names := nameCache{pc: pc, ctx: ctx, names: map[types.ManagedObjectReference]mo.ManagedEntity{}}
	out := make([]vmOut, 0, len(vms))
	for _, vm := range vms {
		o := vmOut{MoRef: vm.Self.Value, Name: vm.Name, Path: paths[vm.Self], Disks: []disk{}, Networks: []nic{}}
		if dc := dcOf[vm.Self]; dc != nil {
			o.Datacenter = dc.name
			prefix := dc.path + "/vm/"
			if strings.HasPrefix(o.Path, prefix) {
				rest := strings.TrimPrefix(o.Path, prefix)
				if i := strings.LastIndex(rest, "/"); i >= 0 {
					o.Folder = rest[:i]
				}
			}
		}
		o.PowerState = string(vm.Runtime.PowerState)
		o.ConnectionState = string(vm.Runtime.ConnectionState)
		if vm.Guest != nil {
			o.IPAddress = vm.Guest.IpAddress
			o.GuestOS = vm.Guest.GuestFullName
		}
		if vm.Runtime.Host != nil {
			host := names.get(*vm.Runtime.Host)
			o.Host = host.Name
			if host.Parent != nil && host.Parent.Type == "ClusterComputeResource" {
				o.Cluster = names.get(*host.Parent).Name
			}
		}
		if vm.Config != nil {
			o.BiosUuid = vm.Config.Uuid
			o.InstanceUuid = vm.Config.InstanceUuid
			o.IsTemplate = vm.Config.Template
			if o.GuestOS == "" {
				o.GuestOS = vm.Config.GuestFullName
			}
			o.NumCpu = vm.Config.Hardware.NumCPU
			o.MemoryMB = vm.Config.Hardware.MemoryMB
			o.HardwareVersion = vm.Config.Version
			for _, d := range vm.Config.Hardware.Device {
				switch dev := d.(type) {
				case *types.VirtualDisk:
					o.Disks = append(o.Disks, diskOf(dev))
				case types.BaseVirtualEthernetCard:
					o.Networks = append(o.Networks, nicOf(dev.GetVirtualEthernetCard(), &names))
				}
			}
		}
		out = append(out, o)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].MoRef < out[j].MoRef })
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	_ = enc.Encode(out)
}

type dcInfo struct{ name, path string }

type nameCache struct {
	pc    *property.Collector
	ctx   context.Context
	names map[types.ManagedObjectReference]mo.ManagedEntity
}

// get reads name and parent of one object (one round trip per object: this is the reference, not the fast path).
// Raw ObjectContent, because a network's name does not decode into mo.ManagedEntity.
func (n *nameCache) get(ref types.ManagedObjectReference) mo.ManagedEntity {
	if me, ok := n.names[ref]; ok {
		return me
	}
	var me mo.ManagedEntity
	props := []string{"name", "parent"}
	if strings.Contains(ref.Type, "Network") || strings.Contains(ref.Type, "Portgroup") {
		props = []string{"name"}
	}
	var content []types.ObjectContent
	if err := n.pc.RetrieveOne(n.ctx, ref, props, &content); err == nil {
		for _, oc := range content {
			for _, p := range oc.PropSet {
				switch p.Name {
				case "name":
					me.Name, _ = p.Val.(string)
				case "parent":
					if parent, ok := p.Val.(types.ManagedObjectReference); ok {
						me.Parent = &parent
					}
				}
			}
		}
	}
	n.names[ref] = me
	return me
}

func diskOf(d *types.VirtualDisk) disk {
	out := disk{Key: d.Key, ControllerKey: d.ControllerKey, UnitNumber: d.UnitNumber}
	if info := d.DeviceInfo.GetDescription(); info != nil {
		out.Label = info.Label
	}
	out.CapacityBytes = d.CapacityInBytes
	if out.CapacityBytes == 0 {
		out.CapacityBytes = d.CapacityInKB * 1024
	}
	switch b := d.Backing.(type) {
	case *types.VirtualDiskFlatVer2BackingInfo:
		out.FileName = b.FileName
		thin := b.ThinProvisioned != nil && *b.ThinProvisioned
		out.Thin = &thin
	case *types.VirtualDiskSeSparseBackingInfo:
		out.FileName = b.FileName
		thin := true
		out.Thin = &thin
	case *types.VirtualDiskSparseVer2BackingInfo:
		out.FileName = b.FileName
		thin := true
		out.Thin = &thin
	case *types.VirtualDiskRawDiskMappingVer1BackingInfo:
		out.FileName = b.FileName
		thin := false
		out.Thin = &thin
	case types.BaseVirtualDeviceFileBackingInfo:
		out.FileName = b.GetVirtualDeviceFileBackingInfo().FileName
	}
	if strings.HasPrefix(out.FileName, "[") {
		if i := strings.Index(out.FileName, "]"); i > 0 {
			out.Datastore = out.FileName[1:i]
		}
	}
	return out
}

func nicOf(card *types.VirtualEthernetCard, names *nameCache) nic {
	out := nic{MacAddress: card.MacAddress}
	if info := card.DeviceInfo.GetDescription(); info != nil {
		out.Label = info.Label
	}
	switch b := card.Backing.(type) {
	case *types.VirtualEthernetCardNetworkBackingInfo:
		out.NetworkName = b.DeviceName
		if b.Network != nil {
			if n := names.get(*b.Network).Name; n != "" {
				out.NetworkName = n
			}
		}
	case *types.VirtualEthernetCardDistributedVirtualPortBackingInfo:
		ref := types.ManagedObjectReference{Type: "DistributedVirtualPortgroup", Value: b.Port.PortgroupKey}
		out.NetworkName = names.get(ref).Name
	}
	return out
}

func bench(ctx context.Context, c *govmomi.Client, max int32, start time.Time, login time.Duration) {
	m := view.NewManager(c.Client)
	v, err := m.CreateContainerView(ctx, c.ServiceContent.RootFolder, viewTypes, true)
	if err != nil {
		fail("view: %v", err)
	}
	defer v.Destroy(ctx)

	retrieveStart := time.Now()
	spec := types.PropertyFilterSpec{
		ObjectSet: []types.ObjectSpec{{
			Obj:  v.Reference(),
			Skip: types.NewBool(true),
			SelectSet: []types.BaseSelectionSpec{
				&types.TraversalSpec{Type: "ContainerView", Path: "view"},
			},
		}},
		PropSet: []types.PropertySpec{
			{Type: "VirtualMachine", PathSet: vmPaths},
			{Type: "Folder", PathSet: []string{"name", "parent"}},
			{Type: "Datacenter", PathSet: []string{"name", "parent"}},
			{Type: "VirtualApp", PathSet: []string{"name", "parent", "parentFolder", "parentVApp"}},
			{Type: "ComputeResource", PathSet: []string{"name", "parent"}},
			{Type: "HostSystem", PathSet: []string{"name", "parent"}},
			{Type: "Network", PathSet: []string{"name"}},
		},
	}
	req := types.RetrievePropertiesEx{
		This:    c.ServiceContent.PropertyCollector,
		SpecSet: []types.PropertyFilterSpec{spec},
		Options: types.RetrieveOptions{MaxObjects: max},
	}
	res, err := methods.RetrievePropertiesEx(ctx, c.Client, &req)
	if err != nil {
		fail("retrieve: %v", err)
	}
	objects, vms, disks, pages := 0, 0, 0, 1
	consume := func(r *types.RetrieveResult) {
		for _, oc := range r.Objects {
			objects++
			if oc.Obj.Type != "VirtualMachine" {
				continue
			}
			var vm mo.VirtualMachine
			if err := mo.LoadObjectContent([]types.ObjectContent{oc}, &vm); err != nil {
				fail("decode: %v", err)
			}
			vms++
			if vm.Config != nil {
				for _, d := range vm.Config.Hardware.Device {
					if _, ok := d.(*types.VirtualDisk); ok {
						disks++
					}
				}
			}
		}
	}
	token := ""
	if res.Returnval != nil {
		consume(res.Returnval)
		token = res.Returnval.Token
	}
	for token != "" {
		cres, err := methods.ContinueRetrievePropertiesEx(ctx, c.Client, &types.ContinueRetrievePropertiesEx{This: c.ServiceContent.PropertyCollector, Token: token})
		if err != nil {
			fail("continue: %v", err)
		}
		pages++
		consume(&cres.Returnval)
		token = cres.Returnval.Token
	}
	retrieve := time.Since(retrieveStart)
	_ = json.NewEncoder(os.Stdout).Encode(map[string]interface{}{
		"objects": objects, "vms": vms, "disks": disks, "pages": pages,
		"loginSeconds": login.Seconds(), "retrieveSeconds": retrieve.Seconds(), "totalSeconds": time.Since(start).Seconds(),
	})
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "govmomi-discovery: "+format+"\n", args...)
	os.Exit(2)
}
