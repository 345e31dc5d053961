using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HauGiang.Portal.Data;

/// <summary>
/// The one model of the portal. Each provider has a derived context (<see cref="SqlitePortalDbContext"/>,
/// <see cref="SqlServerPortalDbContext"/>) only so that each keeps its own migrations.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();

    public DbSet<ReporterContact> ReporterContacts => Set<ReporterContact>();

    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Area> Areas => Set<Area>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WebPushSubscription> PushSubscriptions => Set<WebPushSubscription>();

    public DbSet<VapidKeyPair> VapidKeys => Set<VapidKeyPair>();

    public DbSet<DueSoonPush> DueSoonPushes => Set<DueSoonPush>();

    public DbSet<DigestSend> DigestSends => Set<DigestSend>();

    public DbSet<ReplyTemplate> ReplyTemplates => Set<ReplyTemplate>();

    public DbSet<ExportFileRecord> ExportFiles => Set<ExportFileRecord>();

    public DbSet<ExportFileChunk> ExportFileChunks => Set<ExportFileChunk>();

    public DbSet<DashboardCounter> DashboardCounters => Set<DashboardCounter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly, t => t.Namespace == typeof(PortalDbContext).Namespace + ".Configurations");
    }

    /// <summary>
    /// Identity reads its schema version (3: passkeys) from the app's services. Design-time tools and tests build
    /// the context without them; give those the same version so that every model has the same tables.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchemaServices.Value);
        }
    }

    private static readonly Lazy<IServiceProvider> IdentitySchemaServices = new(() =>
        new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider());

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database; make sure it comes back marked as such.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
