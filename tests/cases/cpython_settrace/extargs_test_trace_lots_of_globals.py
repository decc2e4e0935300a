# Checks CPython's TestExtendedArgs.test_trace_lots_of_globals: line events of a 4000-line expression summing 1000 globals.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
# The function CPython builds with exec() is written out here, and the 1000
# globals it is given are plain assignments.
import sys


def count_traces(func):
    # warmup
    for _ in range(20):
        func()

    counts = {"call": 0, "line": 0, "return": 0}
    def trace(frame, event, arg):
        counts[event] += 1
        return trace

    sys.settrace(trace)
    func()
    sys.settrace(None)

    return counts


var0 = 0
var1 = 1
var2 = 2
var3 = 3
var4 = 4
var5 = 5
var6 = 6
var7 = 7
var8 = 8
var9 = 9
var10 = 10
var11 = 11
var12 = 12
var13 = 13
var14 = 14
var15 = 15
var16 = 16
var17 = 17
var18 = 18
var19 = 19
var20 = 20
var21 = 21
var22 = 22
var23 = 23
var24 = 24
var25 = 25
var26 = 26
var27 = 27
var28 = 28
var29 = 29
var30 = 30
var31 = 31
var32 = 32
var33 = 33
var34 = 34
var35 = 35
var36 = 36
var37 = 37
var38 = 38
var39 = 39
var40 = 40
var41 = 41
var42 = 42
var43 = 43
var44 = 44
var45 = 45
var46 = 46
var47 = 47
var48 = 48
var49 = 49
var50 = 50
var51 = 51
var52 = 52
var53 = 53
var54 = 54
var55 = 55
var56 = 56
var57 = 57
var58 = 58
var59 = 59
var60 = 60
var61 = 61
var62 = 62
var63 = 63
var64 = 64
var65 = 65
var66 = 66
var67 = 67
var68 = 68
var69 = 69
var70 = 70
var71 = 71
var72 = 72
var73 = 73
var74 = 74
var75 = 75
var76 = 76
var77 = 77
var78 = 78
var79 = 79
var80 = 80
var81 = 81
var82 = 82
var83 = 83
var84 = 84
var85 = 85
var86 = 86
var87 = 87
var88 = 88
var89 = 89
var90 = 90
var91 = 91
var92 = 92
var93 = 93
var94 = 94
var95 = 95
var96 = 96
var97 = 97
var98 = 98
var99 = 99
var100 = 100
var101 = 101
var102 = 102
var103 = 103
var104 = 104
var105 = 105
var106 = 106
var107 = 107
var108 = 108
var109 = 109
var110 = 110
var111 = 111
var112 = 112
var113 = 113
var114 = 114
var115 = 115
var116 = 116
var117 = 117
var118 = 118
var119 = 119
var120 = 120
var121 = 121
var122 = 122
var123 = 123
var124 = 124
var125 = 125
var126 = 126
var127 = 127
var128 = 128
var129 = 129
var130 = 130
var131 = 131
var132 = 132
var133 = 133
var134 = 134
var135 = 135
var136 = 136
var137 = 137
var138 = 138
var139 = 139
var140 = 140
var141 = 141
var142 = 142
var143 = 143
var144 = 144
var145 = 145
var146 = 146
var147 = 147
var148 = 148
var149 = 149
var150 = 150
var151 = 151
var152 = 152
var153 = 153
var154 = 154
var155 = 155
var156 = 156
var157 = 157
var158 = 158
var159 = 159
var160 = 160
var161 = 161
var162 = 162
var163 = 163
var164 = 164
var165 = 165
var166 = 166
var167 = 167
var168 = 168
var169 = 169
var170 = 170
var171 = 171
var172 = 172
var173 = 173
var174 = 174
var175 = 175
var176 = 176
var177 = 177
var178 = 178
var179 = 179
var180 = 180
var181 = 181
var182 = 182
var183 = 183
var184 = 184
var185 = 185
var186 = 186
var187 = 187
var188 = 188
var189 = 189
var190 = 190
var191 = 191
var192 = 192
var193 = 193
var194 = 194
var195 = 195
var196 = 196
var197 = 197
var198 = 198
var199 = 199
var200 = 200
var201 = 201
var202 = 202
var203 = 203
var204 = 204
var205 = 205
var206 = 206
var207 = 207
var208 = 208
var209 = 209
var210 = 210
var211 = 211
var212 = 212
var213 = 213
var214 = 214
var215 = 215
var216 = 216
var217 = 217
var218 = 218
var219 = 219
var220 = 220
var221 = 221
var222 = 222
var223 = 223
var224 = 224
var225 = 225
var226 = 226
var227 = 227
var228 = 228
var229 = 229
var230 = 230
var231 = 231
var232 = 232
var233 = 233
var234 = 234
var235 = 235
var236 = 236
var237 = 237
var238 = 238
var239 = 239
var240 = 240
var241 = 241
var242 = 242
var243 = 243
var244 = 244
var245 = 245
var246 = 246
var247 = 247
var248 = 248
var249 = 249
var250 = 250
var251 = 251
var252 = 252
var253 = 253
var254 = 254
var255 = 255
var256 = 256
var257 = 257
var258 = 258
var259 = 259
var260 = 260
var261 = 261
var262 = 262
var263 = 263
var264 = 264
var265 = 265
var266 = 266
var267 = 267
var268 = 268
var269 = 269
var270 = 270
var271 = 271
var272 = 272
var273 = 273
var274 = 274
var275 = 275
var276 = 276
var277 = 277
var278 = 278
var279 = 279
var280 = 280
var281 = 281
var282 = 282
var283 = 283
var284 = 284
var285 = 285
var286 = 286
var287 = 287
var288 = 288
var289 = 289
var290 = 290
var291 = 291
var292 = 292
var293 = 293
var294 = 294
var295 = 295
var296 = 296
var297 = 297
var298 = 298
var299 = 299
var300 = 300
var301 = 301
var302 = 302
var303 = 303
var304 = 304
var305 = 305
var306 = 306
var307 = 307
var308 = 308
var309 = 309
var310 = 310
var311 = 311
var312 = 312
var313 = 313
var314 = 314
var315 = 315
var316 = 316
var317 = 317
var318 = 318
var319 = 319
var320 = 320
var321 = 321
var322 = 322
var323 = 323
var324 = 324
var325 = 325
var326 = 326
var327 = 327
var328 = 328
var329 = 329
var330 = 330
var331 = 331
var332 = 332
var333 = 333
var334 = 334
var335 = 335
var336 = 336
var337 = 337
var338 = 338
var339 = 339
var340 = 340
var341 = 341
var342 = 342
var343 = 343
var344 = 344
var345 = 345
var346 = 346
var347 = 347
var348 = 348
var349 = 349
var350 = 350
var351 = 351
var352 = 352
var353 = 353
var354 = 354
var355 = 355
var356 = 356
var357 = 357
var358 = 358
var359 = 359
var360 = 360
var361 = 361
var362 = 362
var363 = 363
var364 = 364
var365 = 365
var366 = 366
var367 = 367
var368 = 368
var369 = 369
var370 = 370
var371 = 371
var372 = 372
var373 = 373
var374 = 374
var375 = 375
var376 = 376
var377 = 377
var378 = 378
var379 = 379
var380 = 380
var381 = 381
var382 = 382
var383 = 383
var384 = 384
var385 = 385
var386 = 386
var387 = 387
var388 = 388
var389 = 389
var390 = 390
var391 = 391
var392 = 392
var393 = 393
var394 = 394
var395 = 395
var396 = 396
var397 = 397
var398 = 398
var399 = 399
var400 = 400
var401 = 401
var402 = 402
var403 = 403
var404 = 404
var405 = 405
var406 = 406
var407 = 407
var408 = 408
var409 = 409
var410 = 410
var411 = 411
var412 = 412
var413 = 413
var414 = 414
var415 = 415
var416 = 416
var417 = 417
var418 = 418
var419 = 419
var420 = 420
var421 = 421
var422 = 422
var423 = 423
var424 = 424
var425 = 425
var426 = 426
var427 = 427
var428 = 428
var429 = 429
var430 = 430
var431 = 431
var432 = 432
var433 = 433
var434 = 434
var435 = 435
var436 = 436
var437 = 437
var438 = 438
var439 = 439
var440 = 440
var441 = 441
var442 = 442
var443 = 443
var444 = 444
var445 = 445
var446 = 446
var447 = 447
var448 = 448
var449 = 449
var450 = 450
var451 = 451
var452 = 452
var453 = 453
var454 = 454
var455 = 455
var456 = 456
var457 = 457
var458 = 458
var459 = 459
var460 = 460
var461 = 461
var462 = 462
var463 = 463
var464 = 464
var465 = 465
var466 = 466
var467 = 467
var468 = 468
var469 = 469
var470 = 470
var471 = 471
var472 = 472
var473 = 473
var474 = 474
var475 = 475
var476 = 476
var477 = 477
var478 = 478
var479 = 479
var480 = 480
var481 = 481
var482 = 482
var483 = 483
var484 = 484
var485 = 485
var486 = 486
var487 = 487
var488 = 488
var489 = 489
var490 = 490
var491 = 491
var492 = 492
var493 = 493
var494 = 494
var495 = 495
var496 = 496
var497 = 497
var498 = 498
var499 = 499
var500 = 500
var501 = 501
var502 = 502
var503 = 503
var504 = 504
var505 = 505
var506 = 506
var507 = 507
var508 = 508
var509 = 509
var510 = 510
var511 = 511
var512 = 512
var513 = 513
var514 = 514
var515 = 515
var516 = 516
var517 = 517
var518 = 518
var519 = 519
var520 = 520
var521 = 521
var522 = 522
var523 = 523
var524 = 524
var525 = 525
var526 = 526
var527 = 527
var528 = 528
var529 = 529
var530 = 530
var531 = 531
var532 = 532
var533 = 533
var534 = 534
var535 = 535
var536 = 536
var537 = 537
var538 = 538
var539 = 539
var540 = 540
var541 = 541
var542 = 542
var543 = 543
var544 = 544
var545 = 545
var546 = 546
var547 = 547
var548 = 548
var549 = 549
var550 = 550
var551 = 551
var552 = 552
var553 = 553
var554 = 554
var555 = 555
var556 = 556
var557 = 557
var558 = 558
var559 = 559
var560 = 560
var561 = 561
var562 = 562
var563 = 563
var564 = 564
var565 = 565
var566 = 566
var567 = 567
var568 = 568
var569 = 569
var570 = 570
var571 = 571
var572 = 572
var573 = 573
var574 = 574
var575 = 575
var576 = 576
var577 = 577
var578 = 578
var579 = 579
var580 = 580
var581 = 581
var582 = 582
var583 = 583
var584 = 584
var585 = 585
var586 = 586
var587 = 587
var588 = 588
var589 = 589
var590 = 590
var591 = 591
var592 = 592
var593 = 593
var594 = 594
var595 = 595
var596 = 596
var597 = 597
var598 = 598
var599 = 599
var600 = 600
var601 = 601
var602 = 602
var603 = 603
var604 = 604
var605 = 605
var606 = 606
var607 = 607
var608 = 608
var609 = 609
var610 = 610
var611 = 611
var612 = 612
var613 = 613
var614 = 614
var615 = 615
var616 = 616
var617 = 617
var618 = 618
var619 = 619
var620 = 620
var621 = 621
var622 = 622
var623 = 623
var624 = 624
var625 = 625
var626 = 626
var627 = 627
var628 = 628
var629 = 629
var630 = 630
var631 = 631
var632 = 632
var633 = 633
var634 = 634
var635 = 635
var636 = 636
var637 = 637
var638 = 638
var639 = 639
var640 = 640
var641 = 641
var642 = 642
var643 = 643
var644 = 644
var645 = 645
var646 = 646
var647 = 647
var648 = 648
var649 = 649
var650 = 650
var651 = 651
var652 = 652
var653 = 653
var654 = 654
var655 = 655
var656 = 656
var657 = 657
var658 = 658
var659 = 659
var660 = 660
var661 = 661
var662 = 662
var663 = 663
var664 = 664
var665 = 665
var666 = 666
var667 = 667
var668 = 668
var669 = 669
var670 = 670
var671 = 671
var672 = 672
var673 = 673
var674 = 674
var675 = 675
var676 = 676
var677 = 677
var678 = 678
var679 = 679
var680 = 680
var681 = 681
var682 = 682
var683 = 683
var684 = 684
var685 = 685
var686 = 686
var687 = 687
var688 = 688
var689 = 689
var690 = 690
var691 = 691
var692 = 692
var693 = 693
var694 = 694
var695 = 695
var696 = 696
var697 = 697
var698 = 698
var699 = 699
var700 = 700
var701 = 701
var702 = 702
var703 = 703
var704 = 704
var705 = 705
var706 = 706
var707 = 707
var708 = 708
var709 = 709
var710 = 710
var711 = 711
var712 = 712
var713 = 713
var714 = 714
var715 = 715
var716 = 716
var717 = 717
var718 = 718
var719 = 719
var720 = 720
var721 = 721
var722 = 722
var723 = 723
var724 = 724
var725 = 725
var726 = 726
var727 = 727
var728 = 728
var729 = 729
var730 = 730
var731 = 731
var732 = 732
var733 = 733
var734 = 734
var735 = 735
var736 = 736
var737 = 737
var738 = 738
var739 = 739
var740 = 740
var741 = 741
var742 = 742
var743 = 743
var744 = 744
var745 = 745
var746 = 746
var747 = 747
var748 = 748
var749 = 749
var750 = 750
var751 = 751
var752 = 752
var753 = 753
var754 = 754
var755 = 755
var756 = 756
var757 = 757
var758 = 758
var759 = 759
var760 = 760
var761 = 761
var762 = 762
var763 = 763
var764 = 764
var765 = 765
var766 = 766
var767 = 767
var768 = 768
var769 = 769
var770 = 770
var771 = 771
var772 = 772
var773 = 773
var774 = 774
var775 = 775
var776 = 776
var777 = 777
var778 = 778
var779 = 779
var780 = 780
var781 = 781
var782 = 782
var783 = 783
var784 = 784
var785 = 785
var786 = 786
var787 = 787
var788 = 788
var789 = 789
var790 = 790
var791 = 791
var792 = 792
var793 = 793
var794 = 794
var795 = 795
var796 = 796
var797 = 797
var798 = 798
var799 = 799
var800 = 800
var801 = 801
var802 = 802
var803 = 803
var804 = 804
var805 = 805
var806 = 806
var807 = 807
var808 = 808
var809 = 809
var810 = 810
var811 = 811
var812 = 812
var813 = 813
var814 = 814
var815 = 815
var816 = 816
var817 = 817
var818 = 818
var819 = 819
var820 = 820
var821 = 821
var822 = 822
var823 = 823
var824 = 824
var825 = 825
var826 = 826
var827 = 827
var828 = 828
var829 = 829
var830 = 830
var831 = 831
var832 = 832
var833 = 833
var834 = 834
var835 = 835
var836 = 836
var837 = 837
var838 = 838
var839 = 839
var840 = 840
var841 = 841
var842 = 842
var843 = 843
var844 = 844
var845 = 845
var846 = 846
var847 = 847
var848 = 848
var849 = 849
var850 = 850
var851 = 851
var852 = 852
var853 = 853
var854 = 854
var855 = 855
var856 = 856
var857 = 857
var858 = 858
var859 = 859
var860 = 860
var861 = 861
var862 = 862
var863 = 863
var864 = 864
var865 = 865
var866 = 866
var867 = 867
var868 = 868
var869 = 869
var870 = 870
var871 = 871
var872 = 872
var873 = 873
var874 = 874
var875 = 875
var876 = 876
var877 = 877
var878 = 878
var879 = 879
var880 = 880
var881 = 881
var882 = 882
var883 = 883
var884 = 884
var885 = 885
var886 = 886
var887 = 887
var888 = 888
var889 = 889
var890 = 890
var891 = 891
var892 = 892
var893 = 893
var894 = 894
var895 = 895
var896 = 896
var897 = 897
var898 = 898
var899 = 899
var900 = 900
var901 = 901
var902 = 902
var903 = 903
var904 = 904
var905 = 905
var906 = 906
var907 = 907
var908 = 908
var909 = 909
var910 = 910
var911 = 911
var912 = 912
var913 = 913
var914 = 914
var915 = 915
var916 = 916
var917 = 917
var918 = 918
var919 = 919
var920 = 920
var921 = 921
var922 = 922
var923 = 923
var924 = 924
var925 = 925
var926 = 926
var927 = 927
var928 = 928
var929 = 929
var930 = 930
var931 = 931
var932 = 932
var933 = 933
var934 = 934
var935 = 935
var936 = 936
var937 = 937
var938 = 938
var939 = 939
var940 = 940
var941 = 941
var942 = 942
var943 = 943
var944 = 944
var945 = 945
var946 = 946
var947 = 947
var948 = 948
var949 = 949
var950 = 950
var951 = 951
var952 = 952
var953 = 953
var954 = 954
var955 = 955
var956 = 956
var957 = 957
var958 = 958
var959 = 959
var960 = 960
var961 = 961
var962 = 962
var963 = 963
var964 = 964
var965 = 965
var966 = 966
var967 = 967
var968 = 968
var969 = 969
var970 = 970
var971 = 971
var972 = 972
var973 = 973
var974 = 974
var975 = 975
var976 = 976
var977 = 977
var978 = 978
var979 = 979
var980 = 980
var981 = 981
var982 = 982
var983 = 983
var984 = 984
var985 = 985
var986 = 986
var987 = 987
var988 = 988
var989 = 989
var990 = 990
var991 = 991
var992 = 992
var993 = 993
var994 = 994
var995 = 995
var996 = 996
var997 = 997
var998 = 998
var999 = 999

if 1:
            def f():
                return (
                    var0

+
var1

+
var2

+
var3

+
var4

+
var5

+
var6

+
var7

+
var8

+
var9

+
var10

+
var11

+
var12

+
var13

+
var14

+
var15

+
var16

+
var17

+
var18

+
var19

+
var20

+
var21

+
var22

+
var23

+
var24

+
var25

+
var26

+
var27

+
var28

+
var29

+
var30

+
var31

+
var32

+
var33

+
var34

+
var35

+
var36

+
var37

+
var38

+
var39

+
var40

+
var41

+
var42

+
var43

+
var44

+
var45

+
var46

+
var47

+
var48

+
var49

+
var50

+
var51

+
var52

+
var53

+
var54

+
var55

+
var56

+
var57

+
var58

+
var59

+
var60

+
var61

+
var62

+
var63

+
var64

+
var65

+
var66

+
var67

+
var68

+
var69

+
var70

+
var71

+
var72

+
var73

+
var74

+
var75

+
var76

+
var77

+
var78

+
var79

+
var80

+
var81

+
var82

+
var83

+
var84

+
var85

+
var86

+
var87

+
var88

+
var89

+
var90

+
var91

+
var92

+
var93

+
var94

+
var95

+
var96

+
var97

+
var98

+
var99

+
var100

+
var101

+
var102

+
var103

+
var104

+
var105

+
var106

+
var107

+
var108

+
var109

+
var110

+
var111

+
var112

+
var113

+
var114

+
var115

+
var116

+
var117

+
var118

+
var119

+
var120

+
var121

+
var122

+
var123

+
var124

+
var125

+
var126

+
var127

+
var128

+
var129

+
var130

+
var131

+
var132

+
var133

+
var134

+
var135

+
var136

+
var137

+
var138

+
var139

+
var140

+
var141

+
var142

+
var143

+
var144

+
var145

+
var146

+
var147

+
var148

+
var149

+
var150

+
var151

+
var152

+
var153

+
var154

+
var155

+
var156

+
var157

+
var158

+
var159

+
var160

+
var161

+
var162

+
var163

+
var164

+
var165

+
var166

+
var167

+
var168

+
var169

+
var170

+
var171

+
var172

+
var173

+
var174

+
var175

+
var176

+
var177

+
var178

+
var179

+
var180

+
var181

+
var182

+
var183

+
var184

+
var185

+
var186

+
var187

+
var188

+
var189

+
var190

+
var191

+
var192

+
var193

+
var194

+
var195

+
var196

+
var197

+
var198

+
var199

+
var200

+
var201

+
var202

+
var203

+
var204

+
var205

+
var206

+
var207

+
var208

+
var209

+
var210

+
var211

+
var212

+
var213

+
var214

+
var215

+
var216

+
var217

+
var218

+
var219

+
var220

+
var221

+
var222

+
var223

+
var224

+
var225

+
var226

+
var227

+
var228

+
var229

+
var230

+
var231

+
var232

+
var233

+
var234

+
var235

+
var236

+
var237

+
var238

+
var239

+
var240

+
var241

+
var242

+
var243

+
var244

+
var245

+
var246

+
var247

+
var248

+
var249

+
var250

+
var251

+
var252

+
var253

+
var254

+
var255

+
var256

+
var257

+
var258

+
var259

+
var260

+
var261

+
var262

+
var263

+
var264

+
var265

+
var266

+
var267

+
var268

+
var269

+
var270

+
var271

+
var272

+
var273

+
var274

+
var275

+
var276

+
var277

+
var278

+
var279

+
var280

+
var281

+
var282

+
var283

+
var284

+
var285

+
var286

+
var287

+
var288

+
var289

+
var290

+
var291

+
var292

+
var293

+
var294

+
var295

+
var296

+
var297

+
var298

+
var299

+
var300

+
var301

+
var302

+
var303

+
var304

+
var305

+
var306

+
var307

+
var308

+
var309

+
var310

+
var311

+
var312

+
var313

+
var314

+
var315

+
var316

+
var317

+
var318

+
var319

+
var320

+
var321

+
var322

+
var323

+
var324

+
var325

+
var326

+
var327

+
var328

+
var329

+
var330

+
var331

+
var332

+
var333

+
var334

+
var335

+
var336

+
var337

+
var338

+
var339

+
var340

+
var341

+
var342

+
var343

+
var344

+
var345

+
var346

+
var347

+
var348

+
var349

+
var350

+
var351

+
var352

+
var353

+
var354

+
var355

+
var356

+
var357

+
var358

+
var359

+
var360

+
var361

+
var362

+
var363

+
var364

+
var365

+
var366

+
var367

+
var368

+
var369

+
var370

+
var371

+
var372

+
var373

+
var374

+
var375

+
var376

+
var377

+
var378

+
var379

+
var380

+
var381

+
var382

+
var383

+
var384

+
var385

+
var386

+
var387

+
var388

+
var389

+
var390

+
var391

+
var392

+
var393

+
var394

+
var395

+
var396

+
var397

+
var398

+
var399

+
var400

+
var401

+
var402

+
var403

+
var404

+
var405

+
var406

+
var407

+
var408

+
var409

+
var410

+
var411

+
var412

+
var413

+
var414

+
var415

+
var416

+
var417

+
var418

+
var419

+
var420

+
var421

+
var422

+
var423

+
var424

+
var425

+
var426

+
var427

+
var428

+
var429

+
var430

+
var431

+
var432

+
var433

+
var434

+
var435

+
var436

+
var437

+
var438

+
var439

+
var440

+
var441

+
var442

+
var443

+
var444

+
var445

+
var446

+
var447

+
var448

+
var449

+
var450

+
var451

+
var452

+
var453

+
var454

+
var455

+
var456

+
var457

+
var458

+
var459

+
var460

+
var461

+
var462

+
var463

+
var464

+
var465

+
var466

+
var467

+
var468

+
var469

+
var470

+
var471

+
var472

+
var473

+
var474

+
var475

+
var476

+
var477

+
var478

+
var479

+
var480

+
var481

+
var482

+
var483

+
var484

+
var485

+
var486

+
var487

+
var488

+
var489

+
var490

+
var491

+
var492

+
var493

+
var494

+
var495

+
var496

+
var497

+
var498

+
var499

+
var500

+
var501

+
var502

+
var503

+
var504

+
var505

+
var506

+
var507

+
var508

+
var509

+
var510

+
var511

+
var512

+
var513

+
var514

+
var515

+
var516

+
var517

+
var518

+
var519

+
var520

+
var521

+
var522

+
var523

+
var524

+
var525

+
var526

+
var527

+
var528

+
var529

+
var530

+
var531

+
var532

+
var533

+
var534

+
var535

+
var536

+
var537

+
var538

+
var539

+
var540

+
var541

+
var542

+
var543

+
var544

+
var545

+
var546

+
var547

+
var548

+
var549

+
var550

+
var551

+
var552

+
var553

+
var554

+
var555

+
var556

+
var557

+
var558

+
var559

+
var560

+
var561

+
var562

+
var563

+
var564

+
var565

+
var566

+
var567

+
var568

+
var569

+
var570

+
var571

+
var572

+
var573

+
var574

+
var575

+
var576

+
var577

+
var578

+
var579

+
var580

+
var581

+
var582

+
var583

+
var584

+
var585

+
var586

+
var587

+
var588

+
var589

+
var590

+
var591

+
var592

+
var593

+
var594

+
var595

+
var596

+
var597

+
var598

+
var599

+
var600

+
var601

+
var602

+
var603

+
var604

+
var605

+
var606

+
var607

+
var608

+
var609

+
var610

+
var611

+
var612

+
var613

+
var614

+
var615

+
var616

+
var617

+
var618

+
var619

+
var620

+
var621

+
var622

+
var623

+
var624

+
var625

+
var626

+
var627

+
var628

+
var629

+
var630

+
var631

+
var632

+
var633

+
var634

+
var635

+
var636

+
var637

+
var638

+
var639

+
var640

+
var641

+
var642

+
var643

+
var644

+
var645

+
var646

+
var647

+
var648

+
var649

+
var650

+
var651

+
var652

+
var653

+
var654

+
var655

+
var656

+
var657

+
var658

+
var659

+
var660

+
var661

+
var662

+
var663

+
var664

+
var665

+
var666

+
var667

+
var668

+
var669

+
var670

+
var671

+
var672

+
var673

+
var674

+
var675

+
var676

+
var677

+
var678

+
var679

+
var680

+
var681

+
var682

+
var683

+
var684

+
var685

+
var686

+
var687

+
var688

+
var689

+
var690

+
var691

+
var692

+
var693

+
var694

+
var695

+
var696

+
var697

+
var698

+
var699

+
var700

+
var701

+
var702

+
var703

+
var704

+
var705

+
var706

+
var707

+
var708

+
var709

+
var710

+
var711

+
var712

+
var713

+
var714

+
var715

+
var716

+
var717

+
var718

+
var719

+
var720

+
var721

+
var722

+
var723

+
var724

+
var725

+
var726

+
var727

+
var728

+
var729

+
var730

+
var731

+
var732

+
var733

+
var734

+
var735

+
var736

+
var737

+
var738

+
var739

+
var740

+
var741

+
var742

+
var743

+
var744

+
var745

+
var746

+
var747

+
var748

+
var749

+
var750

+
var751

+
var752

+
var753

+
var754

+
var755

+
var756

+
var757

+
var758

+
var759

+
var760

+
var761

+
var762

+
var763

+
var764

+
var765

+
var766

+
var767

+
var768

+
var769

+
var770

+
var771

+
var772

+
var773

+
var774

+
var775

+
var776

+
var777

+
var778

+
var779

+
var780

+
var781

+
var782

+
var783

+
var784

+
var785

+
var786

+
var787

+
var788

+
var789

+
var790

+
var791

+
var792

+
var793

+
var794

+
var795

+
var796

+
var797

+
var798

+
var799

+
var800

+
var801

+
var802

+
var803

+
var804

+
var805

+
var806

+
var807

+
var808

+
var809

+
var810

+
var811

+
var812

+
var813

+
var814

+
var815

+
var816

+
var817

+
var818

+
var819

+
var820

+
var821

+
var822

+
var823

+
var824

+
var825

+
var826

+
var827

+
var828

+
var829

+
var830

+
var831

+
var832

+
var833

+
var834

+
var835

+
var836

+
var837

+
var838

+
var839

+
var840

+
var841

+
var842

+
var843

+
var844

+
var845

+
var846

+
var847

+
var848

+
var849

+
var850

+
var851

+
var852

+
var853

+
var854

+
var855

+
var856

+
var857

+
var858

+
var859

+
var860

+
var861

+
var862

+
var863

+
var864

+
var865

+
var866

+
var867

+
var868

+
var869

+
var870

+
var871

+
var872

+
var873

+
var874

+
var875

+
var876

+
var877

+
var878

+
var879

+
var880

+
var881

+
var882

+
var883

+
var884

+
var885

+
var886

+
var887

+
var888

+
var889

+
var890

+
var891

+
var892

+
var893

+
var894

+
var895

+
var896

+
var897

+
var898

+
var899

+
var900

+
var901

+
var902

+
var903

+
var904

+
var905

+
var906

+
var907

+
var908

+
var909

+
var910

+
var911

+
var912

+
var913

+
var914

+
var915

+
var916

+
var917

+
var918

+
var919

+
var920

+
var921

+
var922

+
var923

+
var924

+
var925

+
var926

+
var927

+
var928

+
var929

+
var930

+
var931

+
var932

+
var933

+
var934

+
var935

+
var936

+
var937

+
var938

+
var939

+
var940

+
var941

+
var942

+
var943

+
var944

+
var945

+
var946

+
var947

+
var948

+
var949

+
var950

+
var951

+
var952

+
var953

+
var954

+
var955

+
var956

+
var957

+
var958

+
var959

+
var960

+
var961

+
var962

+
var963

+
var964

+
var965

+
var966

+
var967

+
var968

+
var969

+
var970

+
var971

+
var972

+
var973

+
var974

+
var975

+
var976

+
var977

+
var978

+
var979

+
var980

+
var981

+
var982

+
var983

+
var984

+
var985

+
var986

+
var987

+
var988

+
var989

+
var990

+
var991

+
var992

+
var993

+
var994

+
var995

+
var996

+
var997

+
var998

+
var999

                )


counts = count_traces(f)
print(counts)
print(f())
print("as CPython's test expects:", counts == {'call': 1, 'line': 2000, 'return': 1})
