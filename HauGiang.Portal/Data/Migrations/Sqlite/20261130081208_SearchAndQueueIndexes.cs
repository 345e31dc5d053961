using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HauGiang.Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchAndQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id",
                table: "Reports");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Reports",
                type: "TEXT",
                maxLength: 4600,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "AreaId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId_ReceivedAt",
                table: "Reports",
                columns: new[] { "AreaId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports",
                columns: new[] { "CategoryId", "DueAt", "Id", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId_ReceivedAt",
                table: "Reports",
                columns: new[] { "CategoryId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports",
                columns: new[] { "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_DueAt_Id",
                table: "Reports",
                columns: new[] { "UnitId", "DueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id_CategoryId_AreaId",
                table: "Reports",
                columns: new[] { "UnitId", "State", "DueAt", "Id", "CategoryId", "AreaId" });

            // Full-text index of Reports.SearchText (FTS5, external content: the text lives once, in Reports), kept by
            // triggers so that every writer keeps it right. Prefix indexes for 1–3 letters: the last word typed is a
            // prefix ("tran hung d"), and without them a short prefix merges thousands of words (570 ms, not 6 ms, at
            // 1M reports). A row is in the index exactly when its SearchText is not empty: FTS5 calls the database
            // malformed when asked to delete a row it never indexed. Rows from before this migration get their
            // SearchText from DatabaseInitializer at start (the folding is .NET code); the update trigger indexes them.
            // A later migration that rebuilds the Reports table (SQLite cannot alter a column in place) drops these
            // triggers with the old table: recreate them there.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ReportSearch USING fts5(SearchText, content='Reports', content_rowid='Id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
                CREATE TRIGGER Reports_Search_Insert AFTER INSERT ON Reports BEGIN
                    INSERT INTO ReportSearch(rowid, SearchText) SELECT new.Id, new.SearchText WHERE new.SearchText <> '';
                END;
                CREATE TRIGGER Reports_Search_Delete AFTER DELETE ON Reports BEGIN
                    INSERT INTO ReportSearch(ReportSearch, rowid, SearchText) SELECT 'delete', old.Id, old.SearchText WHERE old.SearchText <> '';
                END;
                CREATE TRIGGER Reports_Search_Update AFTER UPDATE OF SearchText ON Reports BEGIN
                    INSERT INTO ReportSearch(ReportSearch, rowid, SearchText) SELECT 'delete', old.Id, old.SearchText WHERE old.SearchText <> '';
                    INSERT INTO ReportSearch(rowid, SearchText) SELECT new.Id, new.SearchText WHERE new.SearchText <> '';
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER Reports_Search_Update;
                DROP TRIGGER Reports_Search_Delete;
                DROP TRIGGER Reports_Search_Insert;
                DROP TABLE ReportSearch;
                """);

            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_AreaId_ReceivedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_DueAt_Id_State",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_CategoryId_ReceivedAt",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_DueAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_DueAt_Id",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id_CategoryId_AreaId",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AreaId",
                table: "Reports",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_CategoryId",
                table: "Reports",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_UnitId_State_DueAt_Id",
                table: "Reports",
                columns: new[] { "UnitId", "State", "DueAt", "Id" });
        }
    }
}
