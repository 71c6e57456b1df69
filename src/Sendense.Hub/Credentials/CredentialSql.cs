namespace Sendense.Hub.Credentials;

/// <summary>The SQL of the credential engine, against upstream's vmware_credentials (contract section 1.4).</summary>
internal static class CredentialSql
{
    // The password's storage form is worked out on the server, so listing never transfers a password or its
    // ciphertext: TEMP_PLAINTEXT_ (case-sensitive, as upstream), else strict base64 of at least nonce + tag
    // (28 bytes, 40 characters) is taken for ciphertext, else it is plaintext.
    private const string StorageOfPassword = @"CAST(CASE
        WHEN c.password_encrypted COLLATE utf8mb4_bin LIKE 'TEMP\_PLAINTEXT\_%' THEN 1
        WHEN CHAR_LENGTH(c.password_encrypted) >= 40 AND CHAR_LENGTH(c.password_encrypted) % 4 = 0
             AND c.password_encrypted COLLATE utf8mb4_bin REGEXP '^[A-Za-z0-9+/]+={0,2}$' THEN 0
        ELSE 2 END AS SIGNED)";

    internal const string Columns = @"
    CAST(c.id AS SIGNED)                         AS Id,
    c.credential_name                            AS Name,
    c.vcenter_host                               AS VCenter,
    c.username                                   AS UserName,
    c.datacenter                                 AS Datacenter,
    CAST(COALESCE(c.is_active, 0) AS SIGNED)     AS IsActive,
    CAST(COALESCE(c.is_default, 0) AS SIGNED)    AS IsDefault,
    " + StorageOfPassword + @"                    AS PasswordStorage,
    c.created_at                                 AS CreatedAt,
    c.updated_at                                 AS UpdatedAt,
    c.created_by                                 AS CreatedBy,
    c.last_used                                  AS LastUsed,
    CAST(COALESCE(c.usage_count, 0) AS SIGNED)   AS UsageCount";

    internal const string SelectAll = "SELECT" + Columns + " FROM vmware_credentials c ORDER BY c.credential_name, c.id";

    internal const string SelectById = "SELECT" + Columns + " FROM vmware_credentials c WHERE c.id = @Id";

    // credential_name is utf8mb4_general_ci: case-insensitive and blind to trailing spaces, like its unique key.
    internal const string SelectByName = "SELECT" + Columns + " FROM vmware_credentials c WHERE c.credential_name = @Name";

    internal const string LockById = "SELECT" + Columns + " FROM vmware_credentials c WHERE c.id = @Id FOR UPDATE";

    internal const string LockByName = "SELECT" + Columns + " FROM vmware_credentials c WHERE c.credential_name = @Name FOR UPDATE";

    internal const string Update = @"
UPDATE vmware_credentials SET
    credential_name = @Name, vcenter_host = @VCenter, username = @UserName, datacenter = @Datacenter,
    is_active = @IsActive, is_default = @IsDefault,
    password_encrypted = COALESCE(@Stored, password_encrypted),
    updated_at = NOW()
WHERE id = @Id";

    internal const string SecretById =
        "SELECT CAST(id AS SIGNED) AS Id, credential_name AS Name, vcenter_host AS VCenter, username AS UserName, datacenter AS Datacenter, " +
        "CAST(COALESCE(is_active, 0) AS SIGNED) AS IsActive, password_encrypted AS Stored FROM vmware_credentials WHERE id = @Id";

    internal const string SecretByName =
        "SELECT CAST(id AS SIGNED) AS Id, credential_name AS Name, vcenter_host AS VCenter, username AS UserName, datacenter AS Datacenter, " +
        "CAST(COALESCE(is_active, 0) AS SIGNED) AS IsActive, password_encrypted AS Stored FROM vmware_credentials WHERE credential_name = @Name";

    // The AES-GCM passwords a new key is tried on (oldest first, a handful is plenty), leaving out the credential
    // whose password is being replaced: the hub's key must open at least one of them.
    internal const string EncryptedPasswords =
        "SELECT c.credential_name AS Name, c.password_encrypted AS Stored FROM vmware_credentials c WHERE " + StorageOfPassword + " = 0 " +
        "AND NOT (c.id <=> @ExceptId) ORDER BY c.id LIMIT 20";

    internal const string Insert = @"
INSERT INTO vmware_credentials
    (credential_name, vcenter_host, username, password_encrypted, datacenter, is_active, is_default,
     created_at, updated_at, created_by, usage_count)
VALUES
    (@Name, @VCenter, @UserName, @Stored, @Datacenter, @IsActive, @IsDefault, NOW(), NOW(), @CreatedBy, 0);
SELECT CAST(LAST_INSERT_ID() AS SIGNED);";

    // Every other default stops being one; run in the same transaction as the write that makes @Id the default.
    internal const string ClearOtherDefaults = "UPDATE vmware_credentials SET is_default = 0 WHERE is_default = 1 AND id <> @Id";

    internal const string CountReferences = "SELECT COUNT(*) FROM vm_replication_contexts WHERE credential_id = @Id";

    internal const string Delete = "DELETE FROM vmware_credentials WHERE id = @Id";

    // One atomic statement (upstream reads the count and writes count+1, losing concurrent uses).
    internal const string RecordUse =
        "UPDATE vmware_credentials SET last_used = NOW(), usage_count = COALESCE(usage_count, 0) + 1, updated_at = NOW() WHERE id = @Id";
}
