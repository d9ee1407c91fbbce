package org.privacyplatform.consent;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One version of the whole privacy notice: what it showed (its content, JSON) and its Markdown text in each language
 * as published, whose hashes NoticePublished carries. Written once, never changed (database trigger).
 */
@Entity
@Table(name = "notice_version")
public class NoticeVersion extends PanacheEntityBase {

    @Id
    public int version;

    @Column(name = "catalogue_version", nullable = false, updatable = false)
    public int catalogueVersion;

    @Column(nullable = false, updatable = false)
    public String content;

    @Column(name = "content_hash", nullable = false, updatable = false)
    public String contentHash;

    @Column(name = "markdown_en", nullable = false, updatable = false)
    public String markdownEn;

    @Column(name = "markdown_fr", nullable = false, updatable = false)
    public String markdownFr;

    @Column(name = "hash_en", nullable = false, updatable = false)
    public String hashEn;

    @Column(name = "hash_fr", nullable = false, updatable = false)
    public String hashFr;

    @Column(name = "published_at", nullable = false, updatable = false)
    public OffsetDateTime publishedAt;
}
