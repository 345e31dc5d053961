using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Data;

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options);
