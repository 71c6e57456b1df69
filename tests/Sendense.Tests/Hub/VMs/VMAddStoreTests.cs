using Sendense.Hub.VMs;

namespace Sendense.Tests.Hub.VMs;

/// <summary>Adding VMs against the upstream schema on the real MariaDB: the rows must be the hub's own.</summary>
public sealed class VMAddEngineTests : IClassFixture<HubDatabaseFixture>
{
    private readonly HubDatabase _database;

    public VMAddEngineTests(HubDatabaseFixture fixture) => _database = fixture.Database;

    [Fact]
    public async Task Every_column_of_the_context_and_disk_rows_is_what_upstream_writes()
    {
        await _database.ExecuteAsync("INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter) VALUES ('cols-cred', 'vc', 'u', 'x', 'DC0')");
        int credential = Convert.ToInt32(await _database.ScalarAsync("SELECT id FROM vmware_credentials WHERE credential_name = 'cols-cred'"), CultureInfo.InvariantCulture);
        DiscoveredVM vm = TestVMs.Make("cols-web01", uuid: "4203a8c1-aaaa-bbbb-cccc-000000000001", guest: "Red Hat Enterprise Linux 9 (64-bit)", vcenter: "cols.vc.local");
        vm.Disks[1].UnitNumber = 3;
        vm.Disks[1].ThinProvisioned = false;

        var result = await VMAdds.RunAsync(_database, new[] { vm }, credential);
        VM added = Assert.Single(result.VMs);
        Assert.Equal(VMAddResult.Added, added.Result);

        var row = Assert.Single(await HubRows.QueryAsync(_database, "SELECT *, NOW() AS db_now FROM vm_replication_contexts WHERE vm_name = 'cols-web01'"));
        var stamp = ((DateTime)row["created_at"]!).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var expected = new Dictionary<string, object?>
        {
            ["context_id"] = "ctx-cols-web01-" + stamp,
            ["vm_name"] = "cols-web01",
            ["vmware_vm_id"] = "4203a8c1-aaaa-bbbb-cccc-000000000001",
            ["vm_path"] = "/DC0/vm/cols-web01",
            ["vcenter_host"] = "cols.vc.local",
            ["datacenter"] = "DC0",
            ["current_status"] = "discovered",
            ["current_job_id"] = null,
            ["total_jobs_run"] = 0,
            ["successful_jobs"] = 0,
            ["failed_jobs"] = 0,
            ["last_successful_job_id"] = null,
            ["cpu_count"] = 2,
            ["memory_mb"] = 4096,
            ["os_type"] = "linux",
            ["power_state"] = "poweredOn",
            ["vm_tools_version"] = "vmx-19",
            ["first_job_at"] = null,
            ["last_job_at"] = null,
            ["auto_added"] = true,
            ["last_scheduled_job_id"] = null,
            ["next_scheduled_at"] = null,
            ["scheduler_enabled"] = true,
            ["credential_id"] = credential,
            ["ossea_config_id"] = 0,
            ["last_operation_summary"] = null,
        };
        foreach (var pair in expected)
        {
            Assert.True(Equal(pair.Value, row[pair.Key]), $"{pair.Key}: expected {pair.Value ?? "NULL"}, got {row[pair.Key] ?? "NULL"}");
        }

        Assert.Equal(expected.Count + 3 + 1, row.Count); // + the three timestamps + db_now: no column unaccounted for
        DateTime created = (DateTime)row["created_at"]!;
        Assert.Equal(created, row["updated_at"]);
        Assert.Equal(created, row["last_status_change"]);
        Assert.InRange(((DateTime)row["db_now"]!) - created, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(created, added.CreatedAt);
        Assert.Equal((string)row["context_id"]!, added.ContextId);
        Assert.Equal(credential, added.CredentialId);

        var disks = await HubRows.QueryAsync(_database, "SELECT * FROM vm_disks WHERE vm_context_id = @c ORDER BY disk_id", ("@c", row["context_id"]));
        Assert.Equal(2, disks.Count);
        for (int i = 0; i < disks.Count; i++)
        {
            DiscoveredDisk source = vm.Disks[i];
            var disk = disks[i];
            var expectedDisk = new Dictionary<string, object?>
            {
                ["vm_context_id"] = row["context_id"],
                ["job_id"] = null,
                ["disk_id"] = "disk-" + source.Key.ToString(CultureInfo.InvariantCulture),
                ["vm_dk_path"] = source.FileName,
                ["size_gb"] = source.SizeGB,
                ["datastore"] = "LocalDS_0",
                ["unit_number"] = (long)(i == 0 ? 0 : 3),
                ["label"] = source.Label,
                ["capacity_bytes"] = source.CapacityBytes,
                ["provisioning_type"] = i == 0 ? "thin" : "thick",
                ["ossea_volume_id"] = 0L,
                ["disk_change_id"] = string.Empty,
                ["sync_status"] = "pending",
                ["sync_progress_percent"] = 0d,
                ["bytes_synced"] = 0L,
                ["cpu_count"] = 0,
                ["memory_mb"] = 0,
                ["os_type"] = string.Empty,
                ["vm_tools_version"] = string.Empty,
                ["network_config"] = string.Empty,
                ["display_name"] = string.Empty,
                ["annotation"] = string.Empty,
                ["power_state"] = string.Empty,
                ["vmware_uuid"] = string.Empty,
                ["bios_setup"] = string.Empty,
            };
            foreach (var pair in expectedDisk)
            {
                Assert.True(Equal(pair.Value, disk[pair.Key]), $"disk {i} {pair.Key}: expected {pair.Value ?? "NULL"}, got {disk[pair.Key] ?? "NULL"}");
            }

            Assert.Equal(expectedDisk.Count + 3, disk.Count); // + id, created_at, updated_at
            Assert.Equal(disk["created_at"], disk["updated_at"]);
            Assert.Equal(created, ((DateTime)disk["created_at"]!).AddTicks(-(((DateTime)disk["created_at"]!).Ticks % TimeSpan.TicksPerSecond)));
        }
    }

    [Fact]
    public async Task Ossea_config_id_is_the_newest_active_config_as_upstream()
    {
        await _database.ExecuteAsync(
            "INSERT INTO ossea_configs (id, name, api_url, api_key, secret_key, zone, is_active) VALUES " +
            "(901, 'o1', 'u', 'k', 's', 'z', 1), (902, 'o2', 'u', 'k', 's', 'z', 1), (903, 'o3', 'u', 'k', 's', 'z', 0)");
        try
        {
            await VMAdds.RunAsync(_database, new[] { TestVMs.Make("ossea-vm", vcenter: "ossea.vc") });
            Assert.Equal(902L, await HubRows.CountAsync(_database, "SELECT ossea_config_id FROM vm_replication_contexts WHERE vm_name = 'ossea-vm'"));
        }
        finally
        {
            await _database.ExecuteAsync("DELETE FROM ossea_configs WHERE id IN (901, 902, 903)");
        }
    }

    [Fact]
    public async Task Running_again_adds_nothing_and_touches_nothing()
    {
        DiscoveredVM[] vms = Enumerable.Range(0, 30).Select(i => TestVMs.Make("again" + i, vcenter: "again.vc")).ToArray();
        var first = await VMAdds.RunAsync(_database, vms, batchSize: 7);
        Assert.All(first.VMs, vm => Assert.Equal(VMAddResult.Added, vm.Result));
        string before = await Snapshot("again.vc");

        var second = await VMAdds.RunAsync(_database, vms, batchSize: 7);

        Assert.Equal(30, second.VMs.Count);
        Assert.All(second.VMs, vm => Assert.Equal(VMAddResult.Unchanged, vm.Result));
        Assert.Equal(first.VMs.Select(v => v.ContextId), second.VMs.Select(v => v.ContextId));
        Assert.Equal(before, await Snapshot("again.vc"));
    }

    [Fact]
    public async Task A_managed_VM_is_refreshed_but_its_status_counters_and_job_disks_are_never_touched()
    {
        DiscoveredVM vm = TestVMs.Make("refresh-me", vcenter: "refresh.vc", disks: 2);
        VM added = Assert.Single((await VMAdds.RunAsync(_database, new[] { vm })).VMs);
        string ctx = added.ContextId;
        await _database.ExecuteAsync(
            $"INSERT INTO replication_jobs (id, vm_context_id, source_vm_id, source_vm_name, source_vm_path, v_center_host, datacenter, replication_type, status) " +
            $"VALUES ('job-refresh', '{ctx}', 'x', 'x', 'x', 'x', 'x', 'full', 'completed');" +
            $"UPDATE vm_replication_contexts SET current_status = 'ready_for_failover', total_jobs_run = 4, successful_jobs = 3, failed_jobs = 1, " +
            $"last_successful_job_id = 'job-refresh', current_job_id = 'job-refresh' WHERE context_id = '{ctx}';" +
            $"UPDATE vm_disks SET job_id = 'job-refresh', size_gb = 1 WHERE vm_context_id = '{ctx}' AND disk_id = 'disk-2001';");
        await Task.Delay(1100); // updated_at has whole seconds

        vm.PowerState = "poweredOff";
        vm.NumCpu = 8;
        vm.Disks[0].CapacityBytes *= 2;
        vm.Disks[1].CapacityBytes *= 2;
        vm.Disks = vm.Disks.Concat(new[] { new DiscoveredDisk { Key = 2002, Label = "Hard disk 3", CapacityBytes = 1L << 30, Datastore = "LocalDS_1", FileName = "[LocalDS_1] refresh-me/refresh-me_2.vmdk", UnitNumber = 2, ThinProvisioned = true } }).ToArray();

        VM refreshed = Assert.Single((await VMAdds.RunAsync(_database, new[] { vm })).VMs);

        Assert.Equal(VMAddResult.Refreshed, refreshed.Result);
        Assert.Equal(ctx, refreshed.ContextId);
        Assert.Equal("ready_for_failover", refreshed.Status);
        var row = Assert.Single(await HubRows.QueryAsync(_database, "SELECT * FROM vm_replication_contexts WHERE context_id = @c", ("@c", ctx)));
        Assert.Equal("poweredOff", row["power_state"]);
        Assert.Equal(8, row["cpu_count"]);
        Assert.Equal("ready_for_failover", row["current_status"]);
        Assert.Equal(4, row["total_jobs_run"]);
        Assert.Equal(3, row["successful_jobs"]);
        Assert.Equal(1, row["failed_jobs"]);
        Assert.Equal("job-refresh", row["current_job_id"]);
        Assert.True((DateTime)row["updated_at"]! > (DateTime)row["created_at"]!);
        Assert.Equal(refreshed.UpdatedAt, row["updated_at"]);

        var disks = await HubRows.QueryAsync(_database, "SELECT disk_id, job_id, size_gb FROM vm_disks WHERE vm_context_id = @c ORDER BY disk_id", ("@c", ctx));
        Assert.Equal(new[] { "disk-2000", "disk-2001", "disk-2002" }, disks.Select(d => (string)d["disk_id"]!));
        Assert.Equal(21L, disks[0]["size_gb"]);     // job-less: follows vCenter
        Assert.Equal(1L, disks[1]["size_gb"]);      // owned by a job: untouched
        Assert.Equal("job-refresh", disks[1]["job_id"]);
        Assert.Null(disks[2]["job_id"]);            // new disk added
    }

    [Fact]
    public async Task A_credential_id_must_exist_and_be_active()
    {
        await _database.ExecuteAsync("INSERT INTO vmware_credentials (credential_name, vcenter_host, username, password_encrypted, datacenter, is_active) VALUES ('off-cred', 'vc', 'u', 'x', 'DC0', 0)");
        int inactive = Convert.ToInt32(await _database.ScalarAsync("SELECT id FROM vmware_credentials WHERE credential_name = 'off-cred'"), CultureInfo.InvariantCulture);
        HubConnection hub = await TestVMs.ConnectAsync(_database);
        try
        {
            var disabled = await Assert.ThrowsAsync<SendenseException>(() => new VMStore(hub).OpenAddSessionAsync(inactive, CancellationToken.None));
            Assert.Equal(SendenseErrorCode.VMCredentialUnusable, disabled.Code);
            var missing = await Assert.ThrowsAsync<SendenseException>(() => new VMStore(hub).OpenAddSessionAsync(987654, CancellationToken.None));
            Assert.Equal(SendenseErrorCode.VMCredentialUnusable, missing.Code);
        }
        finally
        {
            hub.Session.Dispose();
        }
    }

    [Fact]
    public async Task Names_with_quotes_wildcards_backslashes_and_unicode_work_and_255_characters_fit()
    {
        string name255 = new string('n', 200) + string.Concat(Enumerable.Repeat("\U0001F600", 55));
        string[] names = { "O'Brien \"db\"", "50%_off", "back\\slash", "Ünïcødé-服务器-🚀", "a%2fb", name255, "trailing " };
        var result = await VMAdds.RunAsync(_database, names.Select(n => TestVMs.Make(n, vcenter: "names.vc")).ToArray());

        Assert.Empty(result.Refused);
        Assert.Equal(names.Length, result.VMs.Count);
        foreach (var (name, vm) in names.Zip(result.VMs, (n, v) => (n, v)))
        {
            Assert.Equal(name, vm.Name);
            string stored = (string)(await _database.ScalarAsync($"SELECT vm_name FROM vm_replication_contexts WHERE context_id = '{vm.ContextId.Replace("'", "''").Replace("\\", "\\\\")}'"))!;
            Assert.Equal(name, stored);
            Assert.True(HubText.CodePointLength(vm.ContextId) <= 64);
        }

        Assert.Matches("^ctx-n{35}-[0-9a-f]{8}-\\d{8}-\\d{6}$", result.VMs[5].ContextId);
    }

    [Fact]
    public async Task A_256_character_name_is_a_clear_per_VM_error_and_nothing_is_written_for_it()
    {
        string name256 = new string('z', 256);
        var result = await VMAdds.RunAsync(_database, new[] { TestVMs.Make("len-ok", vcenter: "len.vc"), TestVMs.Make(name256, vcenter: "len.vc") });

        var refused = Assert.Single(result.Refused);
        Assert.Equal(SendenseErrorCode.VMValueTooLong, refused.Value.Code);
        Assert.Equal(name256, refused.Key.Name);
        Assert.Single(result.VMs);
        Assert.Equal(1L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'len.vc'"));
    }

    [Fact]
    public async Task Same_named_VMs_on_two_vCenters_and_case_twins_added_in_one_second_get_distinct_ids()
    {
        var result = await VMAdds.RunAsync(_database, new[]
        {
            TestVMs.Make("twin", vcenter: "twin-a.vc"), TestVMs.Make("twin", vcenter: "twin-b.vc"), TestVMs.Make("TWIN", vcenter: "twin-c.vc"),
        });

        Assert.Equal(3, result.VMs.Select(v => v.ContextId.ToUpperInvariant()).Distinct().Count());
        Assert.All(result.VMs, vm => Assert.Equal(VMAddResult.Added, vm.Result));
        Assert.StartsWith("ctx-twin-", result.VMs[0].ContextId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clashes_are_per_VM_errors_and_the_rest_of_the_batch_lands()
    {
        await VMAdds.RunAsync(_database, new[] { TestVMs.Make("clash-web", uuid: "clash-u1", vcenter: "clash.vc") });
        var result = await VMAdds.RunAsync(_database, new[]
        {
            TestVMs.Make("clash-web", uuid: "clash-u2", vcenter: "clash.vc"),    // same name, other uuid: schema forbids
            TestVMs.Make("clash-fine1", uuid: "clash-u3", vcenter: "clash.vc"),
            TestVMs.Make("clash-clone", uuid: "clash-u1", vcenter: "clash.vc"),  // clone of clash-web (no shared files)
            TestVMs.Make("clash-pair1", uuid: "clash-u4", vcenter: "clash.vc"),
            TestVMs.Make("clash-pair2", uuid: "clash-u4", vcenter: "clash.vc"),  // clone within the input
            TestVMs.Make("clash-web", uuid: "clash-u1", vcenter: "other.vc"),     // same name and uuid on another vCenter: fine
        });

        Assert.Equal(new[] { SendenseErrorCode.VMNameConflict, SendenseErrorCode.VMDuplicateBiosUuid, SendenseErrorCode.VMDuplicateBiosUuid },
            result.Errors.Select(e => e.Value.Code).ToArray());
        Assert.Equal(new[] { "clash-web", "clash-clone", "clash-pair2" }, result.Errors.Select(e => e.Key.Name).ToArray());
        Assert.Equal(new[] { "clash-fine1", "clash-pair1", "clash-web" }, result.VMs.Select(v => v.Name).ToArray());
        Assert.Equal(4L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vm_name LIKE 'clash-%'"));
    }

    [Fact]
    public async Task A_renamed_VM_keeps_its_context_and_groups()
    {
        DiscoveredVM vm = TestVMs.Make("rename-old", uuid: "rename-u1", vcenter: "rename.vc");
        string ctx = Assert.Single((await VMAdds.RunAsync(_database, new[] { vm })).VMs).ContextId;
        await _database.ExecuteAsync($"INSERT INTO vm_machine_groups (name) VALUES ('rename-group'); " +
            $"INSERT INTO vm_group_memberships (group_id, vm_context_id) SELECT id, '{ctx}' FROM vm_machine_groups WHERE name = 'rename-group'");

        vm.Name = vm.InventoryName = "rename-new";
        vm.Path = "/DC0/vm/rename-new";
        VM renamed = Assert.Single((await VMAdds.RunAsync(_database, new[] { vm })).VMs);

        Assert.Equal(VMAddResult.Refreshed, renamed.Result);
        Assert.Equal(ctx, renamed.ContextId);
        Assert.Equal(new[] { "rename-group" }, renamed.Groups);
        Assert.Equal("rename-new", await _database.ScalarAsync($"SELECT vm_name FROM vm_replication_contexts WHERE context_id = '{ctx}'"));
    }

    [Fact]
    public async Task Two_writers_adding_overlapping_sets_at_once_end_with_no_duplicates_and_no_failures()
    {
        DiscoveredVM[] all = Enumerable.Range(0, 240).Select(i => TestVMs.Make("race" + i.ToString("000", CultureInfo.InvariantCulture), vcenter: "race.vc")).ToArray();
        DiscoveredVM[] left = all.Take(160).ToArray();
        DiscoveredVM[] right = all.Skip(80).Reverse().ToArray();

        var runs = await Task.WhenAll(
            Task.Run(() => VMAdds.RunAsync(_database, left, batchSize: 20)),
            Task.Run(() => VMAdds.RunAsync(_database, right, batchSize: 20)));

        Assert.All(runs, r => Assert.True(r.Errors.Count == 0, string.Join("; ", r.Errors.Take(3).Select(e => e.Value.Code + ": " + e.Value.Message))));
        Assert.Equal(160, runs[0].VMs.Count);
        Assert.Equal(160, runs[1].VMs.Count);
        Assert.Equal(240L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'race.vc'"));
        Assert.Equal(480L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = 'race.vc'"));
        // Every overlapping VM was added by exactly one writer and reported unchanged (or refreshed) by the other.
        var added = runs.SelectMany(r => r.VMs).Where(v => v.Result == VMAddResult.Added).Select(v => v.Name).ToList();
        Assert.Equal(240, added.Count);
        Assert.Equal(240, added.Distinct().Count());
    }

    [Fact]
    public async Task A_row_the_server_refuses_is_isolated_and_the_rest_of_the_batch_lands()
    {
        // A hub-side rule the module cannot know about (here a trigger) refuses one VM's row: the batch is split
        // until that VM is alone, and only it fails.
        await _database.ExecuteAsync(
            "CREATE TRIGGER sd_test_poison BEFORE INSERT ON vm_replication_contexts FOR EACH ROW " +
            "IF NEW.vm_name = 'poison-07' THEN SIGNAL SQLSTATE '22001' SET MESSAGE_TEXT = 'refused by a hub rule', MYSQL_ERRNO = 1406; END IF");
        try
        {
            DiscoveredVM[] vms = Enumerable.Range(0, 12).Select(i => TestVMs.Make("poison-" + i.ToString("00", CultureInfo.InvariantCulture), vcenter: "poison.vc")).ToArray();
            var result = await VMAdds.RunAsync(_database, vms);

            var error = Assert.Single(result.Errors);
            Assert.Equal("poison-07", error.Key.Name);
            Assert.Equal(SendenseErrorCode.HubQueryFailed, error.Value.Code);
            Assert.Equal(11, result.VMs.Count);
            Assert.Equal(11L, await HubRows.CountAsync(_database, "SELECT COUNT(*) FROM vm_replication_contexts WHERE vcenter_host = 'poison.vc'"));
        }
        finally
        {
            await _database.ExecuteAsync("DROP TRIGGER IF EXISTS sd_test_poison");
        }
    }

    private async Task<string> Snapshot(string vcenter)
    {
        var contexts = await HubRows.QueryAsync(_database, "SELECT * FROM vm_replication_contexts WHERE vcenter_host = @v ORDER BY context_id", ("@v", vcenter));
        var disks = await HubRows.QueryAsync(_database, "SELECT d.* FROM vm_disks d JOIN vm_replication_contexts c ON c.context_id = d.vm_context_id WHERE c.vcenter_host = @v ORDER BY d.id", ("@v", vcenter));
        return string.Join("\n", contexts.Concat(disks).Select(r => string.Join("|", r.Select(p => p.Key + "=" + Convert.ToString(p.Value, CultureInfo.InvariantCulture)))));
    }

    private static bool Equal(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        if (expected is bool flag)
        {
            return Convert.ToInt64(actual, CultureInfo.InvariantCulture) == (flag ? 1 : 0);
        }

        if (expected is string text)
        {
            return string.Equals(text, actual as string, StringComparison.Ordinal);
        }

        return Convert.ToDecimal(expected, CultureInfo.InvariantCulture) == Convert.ToDecimal(actual, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_name_with_line_breaks_is_stored_as_vCenter_has_it_but_its_context_id_carries_none()
    {
        VM added = Assert.Single((await VMAdds.RunAsync(_database, new[] { TestVMs.Make("two\nlines\t\u202Etab", vcenter: "d15.vc") })).VMs);

        Assert.Matches("^ctx-two_lines__tab-\\d{8}-\\d{6}$", added.ContextId);
        Assert.Equal("two\nlines\t\u202Etab", await _database.ScalarAsync($"SELECT vm_name FROM vm_replication_contexts WHERE context_id = '{added.ContextId}'"));
    }
}
