using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Data;

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options);
