/* xv6's kernel/stat.h. vmlab has no file system, so xv6_fstat and xv6_stat
 * (fstat and stat in user/user.h) always fail; the struct lets programs compile. */
#ifndef VMLAB_XV6_STAT_H
#define VMLAB_XV6_STAT_H

#define T_DIR     1	/* directory */
#define T_FILE    2	/* file */
#define T_DEVICE  3	/* device */

struct stat {
	int dev;	/* file system's disk device */
	unsigned int ino;	/* inode number */
	short type;	/* type of file */
	short nlink;	/* number of links to file */
	unsigned long size;	/* size of file in bytes */
};

#endif
